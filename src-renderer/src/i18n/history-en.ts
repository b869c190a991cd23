// History's own sentences (error attempts, photos retention removed, the localized date field),
// merged into the messages in i18n/index.ts like desk-en.ts.
export const historyEn = {
  historyList: {
    statusErrors: 'Errors (no result)',
    error: 'Error',
    openError: 'Open the failed attempt for {id}',
    errorTitle: 'Failed attempt for {id}',
    whatHappened: 'What happened',
    errorKept:
      'A failed attempt keeps no photo and no score, and is not sent to the central system.',
    photoPurged: 'Deleted {time} by the retention policy.',
    photoNotKept: 'No photo kept.',
    dateExample: 'e.g. {example}',
    dateInvalid: '“{field}”: write the date like {example}.',
    dateRange: '“From” must not be after “To”.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type HistoryMessages = Widen<typeof historyEn>;
