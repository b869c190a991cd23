// English messages for the desk (Verify, History, Demo): kept apart from en.ts so that the
// settings and operator screens other people are changing do not collide with these keys.
import { BRIDGE_ERROR_CODES } from '../../../src-shared/contract/envelope';
import { FACEAUTH_ERROR_CODES } from '../../../src-shared/faceauth/codes';

export const deskEn = {
  desk: {
    person: 'Person',
    personUnknown: 'Name not on file',
    noPerson: 'No one yet: type, scan or show the submission id.',
    idRules: 'Up to 128 letters, digits, dots, dashes, colons or underscores.',
    idRequired: 'Type the submission id first.',
    idBadCharacters: 'Only letters, digits, dots, dashes, colons or underscores are allowed.',
    nameRequired: 'Type the person’s name first.',
    countdown: 'Hold still: capturing in {count}',
    retry: 'No face was found. Press Space to capture again.',
    demoHint: 'No submission to try? The Demo tab enrolls a person from this camera.',
    verdict: 'Verdict',
    waiting: 'The verdict appears here after Capture.',
    scores: 'Scores',
    thresholdHelp: 'The black mark on each bar is the project’s threshold.',
    centralHelp: 'Central verdict: what the central ARGOS server decided once this result synced.',
    recordedAt: 'Recorded {time}',
    restored: 'Shown again after the page reloaded.',
    approvedBy: 'Override by {name}',
    unknownOperator: 'unknown operator',
    confirmRevoke: 'Revoke {id}? The person can no longer be verified with it.',
    confirm: 'Yes, revoke',
    keep: 'Keep',
    capturing: 'Capturing…',
  },
  failures: {
    face_compare_underscore: 'The face does not match the reference photo.',
    Face_Occluded_fail: 'The face is covered (sunglasses, hand or scarf).',
    Face_cover_fail: 'No face protection (mask) was found.',
    Head_cover_fail: 'No head protection was found.',
  },
  problems: {
    code: 'Code {code}',
    faceauth: {
      invalid_data_format: 'The picture or the id could not be read. Try again.',
      required_field_missing: 'Something the check needs is missing. Try again.',
      Invalid_submissionId: 'This submission id is not known at this station.',
      Invalid_projectId: 'The project for this submission is not set up at this station.',
      invalid_submission_status: 'This submission is not approved, so it cannot be verified.',
      image_converting_error: 'The camera picture could not be read. Capture again.',
      image_processing_error: 'The camera picture could not be processed. Capture again.',
      detection_server_error: 'Face detection did not finish. Capture again.',
      no_face: 'No face was found in the picture.',
      data_processing_error: 'The verification could not finish. Try again.',
    },
    bridge: {
      bad_request: 'That entry is not valid. Check it and try again.',
      unauthorized: 'You are no longer signed in. Sign in again.',
      forbidden: 'Your role does not allow this.',
      unknown_method: 'This station does not offer that action.',
      busy: 'The station is busy. Try again in a moment.',
      unavailable: 'The station is still starting (face models loading). Try again shortly.',
      internal: 'The station hit a fault. Try again; if it repeats, call support.',
      unknown: 'Something went wrong. Try again.',
    },
    override: {
      unauthorized: 'The supervisor’s username or password was not accepted.',
      forbidden: 'That account is not a supervisor.',
      chooseDecision: 'Choose the new decision.',
      chooseReason: 'Choose a reason.',
      details: 'Write what you checked (details are required).',
      supervisorUsername: 'Type the supervisor’s username.',
      supervisorPassword: 'Type the supervisor’s password.',
    },
    camera: {
      denied: 'The camera permission was denied.',
      unavailable: 'No camera is available.',
    },
  },
  historyDesk: {
    idHint: 'Any part of the id, any case',
    operatorHint: 'Name or username',
    operatorColumn: 'Operator',
    detailTitle: 'Result for {id}',
    recorded: 'Recorded',
    byOperator: 'Operator',
    stationVerdict: 'Station verdict',
    finalVerdict: 'Decision that stands',
    overrides: 'Overrides',
    override: '{time}: {status}, {reason}, by {name}',
    noOverrides: 'No override.',
    failures: 'Why it was rejected',
    overridden: 'overridden',
    open: 'Open the result for {id}',
  },
  warnings: {
    plaintextKey:
      'Warning: the key that protects stored face data is kept in a plain file on this machine (development mode). For real use, start with a key passphrase or use the desktop (Electron) build.',
  },
  hosts: { electron: 'Desktop', browser: 'Browser host' },
  diagnostics: {
    title: 'Camera diagnostics',
    frame: '{size} · {format} · {bytes} bytes · {faces} faces · {ms} ms · {fps} fps',
  },
  choose: 'Choose…',
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type DeskMessages = Widen<typeof deskEn>;

/** Every code that has a message here: the unit test checks that none is missing. */
export const PROBLEM_CODES = {
  faceauth: FACEAUTH_ERROR_CODES,
  bridge: BRIDGE_ERROR_CODES,
} as const;
