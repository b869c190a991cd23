// History's own sentences in Korean (see history-en.ts).
import type { HistoryMessages } from './history-en';

export const historyKo: HistoryMessages = {
  historyList: {
    statusErrors: '오류 (결과 없음)',
    error: '오류',
    openError: '{id}의 실패한 시도 열기',
    errorTitle: '{id}의 실패한 시도',
    whatHappened: '무슨 일이 있었나',
    errorKept: '실패한 시도는 사진과 점수를 남기지 않으며 중앙 시스템으로 보내지 않습니다.',
    photoPurged: '{time}에 보존 정책에 따라 삭제되었습니다.',
    photoNotKept: '보관된 사진이 없습니다.',
    dateExample: '예: {example}',
    dateInvalid: '“{field}”: 날짜를 {example}처럼 입력하세요.',
    dateRange: '“시작”이 “끝”보다 늦을 수 없습니다.',
  },
};
