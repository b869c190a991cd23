// 설정, 계정 화면, 로그인 추가 문구의 한국어 메시지. 타입이 빠진 키나 남는 키를 컴파일 오류로 만든다.
import type { SettingsMessages } from './settings-en';

export const settingsKo: SettingsMessages = {
  sections: {
    navLabel: '설정 항목',
    saving: '저장 중…',
    noChanges: '변경 사항 없음',
    myLanguage: '내 언어',
    myLanguageHint: '선택하는 즉시 내 계정에만 적용됩니다. 다른 운영자의 언어는 바뀌지 않습니다.',
    stationLanguage: '스테이션 언어',
    stationLanguageLabel: '기본 언어',
    stationLanguageHint: '로그인 화면과, 자기 언어를 고르지 않은 운영자에게 표시됩니다.',
    keyRule: '키는 암호화되어 저장되며 다시 표시되지 않습니다. 마지막 네 글자만 보입니다.',
    retentionLimit: '생체 정보는 최대 {days}일(3년)까지 보관합니다.',
    privacy: '개인정보',
    ms: '{n}밀리초',
    engineState: { loading: '불러오는 중', ready: '준비됨', failed: '실패', absent: '실행 안 함' },
    auditFailedToRun: '감사 점검을 실행하지 못했습니다. 다시 시도하세요.',
  },
  accounts: {
    createTitle: '계정 만들기',
    usernameRule: '영문자, 숫자, 점, 하이픈, 밑줄로 3~64자.',
    passwordRule: '{min}자 이상. 짧은 문장이 기억하기 쉽습니다.',
    rulesRefused:
      '받아들이지 않았습니다: 이미 있는 사용자 이름이거나, 아래 규칙에 맞지 않는 항목이 있습니다.',
    ownPasswordTitle: '내 비밀번호',
    newPasswordLabel: '새 비밀번호',
    never: '없음',
    roleOf: '{name}의 역할',
    columns: { name: '이름', state: '상태', lastSignIn: '마지막 로그인', actions: '작업' },
    state: { active: '사용 중', disabled: '사용 중지', lockedUntil: '{time}까지 잠김' },
    confirm: {
      title: '확인해 주세요',
      ok: '확인',
      disable: '{name}의 계정을 사용 중지할까요? 모든 데스크에서 즉시 로그아웃됩니다.',
      enable: '{name}의 계정을 다시 사용할 수 있게 할까요?',
      unlock: '{name}의 계정 잠금을 지금 풀까요?',
      revokeSessions: '모든 데스크에서 {name}을(를) 로그아웃할까요?',
      resetPassword: '{name}의 새 비밀번호를 정합니다. 기존 세션은 끝납니다.',
      changeRole: '{name}의 역할을 {role}(으)로 바꿀까요?',
    },
  },
  confirm: { cancel: '취소' },
};
