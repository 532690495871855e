import type { LocalizedText } from '@guantong/contracts';

/**
 * 举报须知: what the commission accepts and how reports are handled, in plain words.
 * Based on the CPC disciplinary regulations (six disciplines), the Supervision Law (duty violations
 * and crimes of public officials) and the rules on handling reports and complaints.
 */
export interface GuideItem {
  title: LocalizedText;
  text: LocalizedText;
}

export const sixDisciplines: GuideItem[] = [
  {
    title: { zhCN: '政治纪律', en: 'Political discipline' },
    text: { zhCN: '如对抗组织审查、搞团团伙伙、结党营私等', en: 'e.g. obstructing an investigation, forming cliques or factions' },
  },
  {
    title: { zhCN: '组织纪律', en: 'Organisational discipline' },
    text: {
      zhCN: '如违规选人用人、拉票贿选、不如实报告个人有关事项等',
      en: 'e.g. irregular appointments, buying votes, false reports on personal matters',
    },
  },
  {
    title: { zhCN: '廉洁纪律', en: 'Integrity discipline' },
    text: {
      zhCN: '如收受礼品礼金、违规吃喝、利用职权为亲友谋取利益等',
      en: 'e.g. accepting gifts or cash, banquets at public expense, using office to benefit relatives or friends',
    },
  },
  {
    title: { zhCN: '群众纪律', en: 'Mass discipline' },
    text: {
      zhCN: '如侵害群众利益、优亲厚友、吃拿卡要、漠视群众诉求等',
      en: 'e.g. harming people’s interests, favouring relatives, demanding bribes or favours, ignoring people’s requests',
    },
  },
  {
    title: { zhCN: '工作纪律', en: 'Work discipline' },
    text: {
      zhCN: '如不负责任造成损失、违规干预插手市场经济或司法活动等',
      en: 'e.g. irresponsibility that causes losses, meddling in business or in judicial matters',
    },
  },
  {
    title: { zhCN: '生活纪律', en: 'Discipline in personal conduct' },
    text: { zhCN: '如生活奢靡、贪图享乐、违背社会公序良俗等', en: 'e.g. an extravagant lifestyle, conduct against public order and good morals' },
  },
];

export const dutyViolations: LocalizedText = {
  zhCN: '公职人员涉嫌贪污贿赂、滥用职权、玩忽职守、权力寻租、利益输送、徇私舞弊以及浪费国家资财等职务违法和职务犯罪。',
  en: 'Duty violations and duty crimes of public officials: corruption and bribery, abuse of power, dereliction of duty, rent-seeking, trading in benefits, favouritism and fraud, and waste of public funds and property.',
};

export const notAccepted: LocalizedText[] = [
  {
    zhCN: '依法应当通过诉讼、仲裁、行政复议等途径解决的事项，请向人民法院、仲裁机构或复议机关提出。',
    en: 'Matters that by law go to a court, to arbitration or to administrative review: please take them there.',
  },
  {
    zhCN: '不属于纪检监察机关职责范围的事项，如一般民事纠纷、消费投诉等，请向有关主管部门反映。',
    en: 'Matters outside the commission’s remit, such as ordinary civil disputes or consumer complaints: please contact the competent authority.',
  },
  {
    zhCN: '没有具体内容的举报，如只有结论、没有事实，或无法据以核查的情况。',
    en: 'Reports with no concrete content: conclusions without facts, or nothing that can be checked.',
  },
];

export const whatToInclude: LocalizedText = {
  zhCN: '请尽量写明被举报人的姓名、单位和职务，问题发生的时间、地点、经过，以及知情人、证据等线索。内容越具体，越有利于核查。',
  en: 'Please give the name, workplace and position of the person reported, when, where and how it happened, and any witnesses or evidence. The more concrete, the easier to check.',
};

export const realNameVsAnonymous: LocalizedText[] = [
  {
    zhCN: '实名举报：提供本人真实姓名（或单位名称）和真实有效的联系方式，如电话号码。',
    en: 'Real-name report: give your real name (or your organisation’s name) and a working contact such as a phone number.',
  },
  {
    zhCN: '纪检监察机关提倡实名举报。实名举报优先办理，并向举报人反馈办理情况。',
    en: 'Real-name reports are encouraged: they are handled first, and you are told how your report was dealt with.',
  },
  {
    zhCN: '匿名举报同样受理。匿名举报不记录IP地址和设备信息，可凭提交后获得的查询码查询办理进度。',
    en: 'Anonymous reports are accepted too. They store no IP address or device fingerprint; follow yours with the receipt code you get after submitting.',
  },
];

export const confidentiality: LocalizedText[] = [
  {
    zhCN: '举报人的身份信息和举报内容严格保密，严禁将举报材料和举报人信息透露或转给被举报人及其单位。',
    en: 'Your identity and what you report are kept strictly confidential. They are never disclosed or passed to the person reported or to their workplace.',
  },
  {
    zhCN: '对举报人打击报复的，依纪依法严肃处理。',
    en: 'Retaliation against a reporter is severely punished under party discipline and the law.',
  },
];

export const honesty: LocalizedText[] = [
  {
    zhCN: '举报应当实事求是，对所反映问题的真实性负责。',
    en: 'Report truthfully; you are responsible for the truth of what you report.',
  },
  {
    zhCN: '捏造事实、伪造材料，诬告陷害他人的，依纪依法追究责任；构成犯罪的，依法追究刑事责任。如实反映但经核查不属实的，不属于诬告。',
    en: 'Fabricating facts or evidence to frame someone (false accusation, 诬告陷害) is punished, and prosecuted if it is a crime. An honest report that turns out to be wrong is not a false accusation.',
  },
];

export const hotline: LocalizedText = {
  zhCN: '除网上举报外，您还可以拨打12388举报电话（手机拨打请先加拨当地区号），或通过来信、来访反映问题。',
  en: 'Besides reporting online, you can call the 12388 reporting hotline (from a mobile phone, dial the local area code first), write a letter, or visit in person.',
};

export const guideSections = {
  scope: { zhCN: '可以举报什么', en: 'What you can report' },
  scopeIntro: {
    zhCN: '党组织和党员违反党的纪律的行为，即违反以下六项纪律的行为：',
    en: 'Breaches of party discipline by party organisations and members, that is, of these six disciplines:',
  },
  six: { zhCN: '六项纪律', en: 'The six disciplines' },
  duty: { zhCN: '公职人员职务违法和职务犯罪', en: 'Duty violations and crimes of public officials' },
  notAccepted: { zhCN: '不予受理的事项', en: 'What we cannot accept' },
  include: { zhCN: '举报时请写明', en: 'What to include' },
  realName: { zhCN: '实名与匿名', en: 'Real name or anonymous' },
  confidentiality: { zhCN: '保密与保护', en: 'Confidentiality and protection' },
  honesty: { zhCN: '如实举报', en: 'Report honestly' },
  hotline: { zhCN: '12388举报电话', en: 'The 12388 hotline' },
  intro: {
    zhCN: '举报前请花一分钟阅读以下内容，帮助您的反映得到及时、有效的处理。',
    en: 'Please take a minute to read this before you report; it helps your report get handled quickly and properly.',
  },
} satisfies Record<string, LocalizedText>;
