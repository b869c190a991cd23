// English messages for Settings, the account screens and sign-in additions: kept apart from
// en.ts and desk-en.ts so that the desk engineers' keys and these do not collide.
export const settingsEn = {
  sections: {
    navLabel: 'Settings sections',
    saving: 'Saving…',
    noChanges: 'No changes',
    myLanguage: 'My language',
    myLanguageHint:
      'Applies to your account only, as soon as you choose it. Other operators keep theirs.',
    stationLanguage: 'Station language',
    stationLanguageLabel: 'Default language',
    stationLanguageHint:
      'Shown on the sign-in screen, and to operators who have not chosen their own language.',
    keyRule: 'Keys are stored encrypted and never shown again: only their last four characters.',
    retentionLimit: 'At most {days} days (3 years) for biometric data.',
    privacy: 'Privacy',
    ms: '{n} ms',
    engineState: { loading: 'Loading', ready: 'Ready', failed: 'Failed', absent: 'Not running' },
    auditFailedToRun: 'The audit check could not run. Try again.',
  },
  accounts: {
    createTitle: 'Create an account',
    usernameRule: '3 to 64 letters, digits, dots, dashes or underscores.',
    passwordRule: 'At least {min} characters. A short sentence is easy to remember.',
    rulesRefused:
      'Not accepted: the username may be taken, or an entry breaks the rules shown under it.',
    ownPasswordTitle: 'My password',
    newPasswordLabel: 'New password',
    never: 'Never',
    roleOf: 'Role of {name}',
    columns: { name: 'Name', state: 'State', lastSignIn: 'Last sign-in', actions: 'Actions' },
    state: { active: 'Active', disabled: 'Disabled', lockedUntil: 'Locked until {time}' },
    confirm: {
      title: 'Please confirm',
      ok: 'Confirm',
      disable: 'Disable the account of {name}? They are signed out everywhere at once.',
      enable: 'Enable the account of {name} again?',
      unlock: 'Unlock the account of {name} now?',
      revokeSessions: 'Sign {name} out on every desk?',
      resetPassword: 'Set a new password for {name}. Their sessions end.',
      changeRole: 'Change the role of {name} to {role}?',
    },
  },
  confirm: { cancel: 'Cancel' },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SettingsMessages = Widen<typeof settingsEn>;
