import type { LocalizedText } from './i18n.ts';

// Petition vocabulary: plain constants and labels without zod, so the portal's bundle can take them
// without the schemas (the bundler drops modules none of whose exports are used).

// DOMAIN.md §2.1. Citizens choose among the first four; staff may also classify as out of scope or without substance.
export const submissionTypes = ['accusation', 'appeal', 'criticism_suggestion', 'other', 'out_of_scope', 'no_substance'] as const;
export type SubmissionType = (typeof submissionTypes)[number];
export const publicSubmissionTypes = ['accusation', 'appeal', 'criticism_suggestion', 'other'] as const;
export const submissionTypeLabels = {
  accusation: { zhCN: '检举控告', en: 'Accusation' },
  appeal: { zhCN: '申诉', en: 'Appeal' },
  criticism_suggestion: { zhCN: '批评建议', en: 'Criticism or suggestion' },
  other: { zhCN: '其他', en: 'Other' },
  out_of_scope: { zhCN: '业务范围外', en: 'Out of scope' },
  no_substance: { zhCN: '无实质内容', en: 'No substance' },
} as const satisfies Record<SubmissionType, LocalizedText>;

// DOMAIN.md §2.4(a); the 12345 hotline arrives as phone or through Open311.
export const petitionChannels = ['online', 'letter', 'visit', 'phone', 'fax', 'other'] as const;
export type PetitionChannel = (typeof petitionChannels)[number];
export const petitionChannelLabels = {
  online: { zhCN: '网络举报', en: 'Online' },
  letter: { zhCN: '来信', en: 'Letter' },
  visit: { zhCN: '来访', en: 'Visit' },
  phone: { zhCN: '来电', en: 'Phone' },
  fax: { zhCN: '传真', en: 'Fax' },
  other: { zhCN: '其他', en: 'Other' },
} as const satisfies Record<PetitionChannel, LocalizedText>;

/** Where a record came from: the public portal, staff registration, an Open311 client, or another body. */
export const petitionSources = ['portal', 'staff', 'open311', 'transfer'] as const;
export const petitionSourceLabels = {
  portal: { zhCN: '码上举报', en: 'Portal' },
  staff: { zhCN: '人工登记', en: 'Registered by staff' },
  open311: { zhCN: '对接系统(Open311)', en: 'Open311 client' },
  transfer: { zhCN: '上级/外单位转来', en: 'Transferred in' },
} as const satisfies Record<(typeof petitionSources)[number], LocalizedText>;

// DOMAIN.md §2.3: the six disciplines and the seven duty-violation types of 监察法 art.11(2).
export const violationCategories = [
  'political',
  'organisational',
  'integrity',
  'mass',
  'work',
  'life',
  'corruption_bribery',
  'abuse_of_power',
  'dereliction',
  'rent_seeking',
  'benefit_transfer',
  'favouritism_malpractice',
  'waste_of_state_assets',
] as const;
export type ViolationCategory = (typeof violationCategories)[number];
export const violationCategoryLabels = {
  political: { zhCN: '政治纪律', en: 'Political discipline' },
  organisational: { zhCN: '组织纪律', en: 'Organisational discipline' },
  integrity: { zhCN: '廉洁纪律', en: 'Integrity discipline' },
  mass: { zhCN: '群众纪律', en: 'Mass discipline' },
  work: { zhCN: '工作纪律', en: 'Work discipline' },
  life: { zhCN: '生活纪律', en: 'Life discipline' },
  corruption_bribery: { zhCN: '贪污贿赂', en: 'Corruption and bribery' },
  abuse_of_power: { zhCN: '滥用职权', en: 'Abuse of power' },
  dereliction: { zhCN: '玩忽职守', en: 'Dereliction of duty' },
  rent_seeking: { zhCN: '权力寻租', en: 'Rent-seeking' },
  benefit_transfer: { zhCN: '利益输送', en: 'Benefit transfer' },
  favouritism_malpractice: { zhCN: '徇私舞弊', en: 'Favouritism and malpractice' },
  waste_of_state_assets: { zhCN: '浪费国家资财', en: 'Waste of state assets' },
} as const satisfies Record<ViolationCategory, LocalizedText>;

// DOMAIN.md §2.7B: rank of the person concerned, the breakdown of official statistics.
export const objectLevels = ['provincial_ministerial', 'bureau', 'county_division', 'township_section', 'general_cadre', 'rural_enterprise_other'] as const;
export type ObjectLevel = (typeof objectLevels)[number];
export const objectLevelLabels = {
  provincial_ministerial: { zhCN: '省部级', en: 'Provincial/ministerial' },
  bureau: { zhCN: '厅局级', en: 'Bureau' },
  county_division: { zhCN: '县处级', en: 'County/division' },
  township_section: { zhCN: '乡科级', en: 'Township/section' },
  general_cadre: { zhCN: '一般干部', en: 'General cadre' },
  rural_enterprise_other: { zhCN: '农村、企业等其他人员', en: 'Village, enterprise and others' },
} as const satisfies Record<ObjectLevel, LocalizedText>;

// DOMAIN.md §2.6. Each mode is approved by its own workflow action.
export const handlingModes = ['direct', 'joint', 'assign_with_report', 'forward', 'escalate_to_higher', 'not_accepted'] as const;
export type HandlingMode = (typeof handlingModes)[number];
export const handlingModeLabels = {
  direct: { zhCN: '直接办理', en: 'Handle directly' },
  joint: { zhCN: '联合办理', en: 'Handle jointly' },
  assign_with_report: { zhCN: '交办（限期报结果）', en: 'Assign with report-back' },
  forward: { zhCN: '转办', en: 'Forward to the competent body' },
  escalate_to_higher: { zhCN: '报送上级', en: 'Send up' },
  not_accepted: { zhCN: '不予受理（告知）', en: 'Not accepted (inform)' },
} as const satisfies Record<HandlingMode, LocalizedText>;
/** The approval action that carries out each proposed mode. */
export const approvalActionOfMode = {
  direct: 'approveDirect',
  joint: 'approveJoint',
  assign_with_report: 'approveAssignment',
  forward: 'approveForwarding',
  escalate_to_higher: 'approveEscalation',
  not_accepted: 'approveNotAccepted',
} as const satisfies Record<HandlingMode, string>;
/** Modes that hand the item to other bodies, and whether each needs the result back. */
export const transferModes = ['joint', 'assign_with_report', 'forward', 'escalate_to_higher'] as const;
export type TransferMode = (typeof transferModes)[number];

export const transferStatuses = ['pending', 'acknowledged', 'returned', 'reported'] as const;
export const transferStatusLabels = {
  pending: { zhCN: '待签收', en: 'Awaiting acknowledgement' },
  acknowledged: { zhCN: '已签收办理中', en: 'Acknowledged, in hand' },
  returned: { zhCN: '已退回', en: 'Returned' },
  reported: { zhCN: '已反馈结果', en: 'Result reported' },
} as const satisfies Record<(typeof transferStatuses)[number], LocalizedText>;

export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];
export const satisfactionLabels = {
  satisfied: { zhCN: '满意', en: 'Satisfied' },
  basically_satisfied: { zhCN: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zhCN: '不满意', en: 'Dissatisfied' },
} as const satisfies Record<Satisfaction, LocalizedText>;

export const linkKinds = ['duplicate', 'related'] as const;
export const linkKindLabels = {
  duplicate: { zhCN: '重复件', en: 'Duplicate' },
  related: { zhCN: '相关件', en: 'Related' },
} as const satisfies Record<(typeof linkKinds)[number], LocalizedText>;

/** Bodies that take reports from the public: commissions and township committees. */
export const receivingBodyTypes = ['discipline_commission', 'township_discipline_committee'] as const;
/** Bodies a report can be handed to. */
export const transferTargetTypes = [
  'discipline_commission',
  'township_discipline_committee',
  'petition_report_office',
  'supervision_office',
  'investigation_office',
  'dispatched_discipline_group',
] as const;

export const clueHandoffStatuses = ['pending', 'received', 'fed_back'] as const;
export const clueHandoffStatusLabels = {
  pending: { zhCN: '已移交，待案管室接收', en: 'Handed over, awaiting the clue ledger' },
  received: { zhCN: '案管室已接收，处置中', en: 'Taken into the clue ledger, being disposed of' },
  fed_back: { zhCN: '已反馈处置结果', en: 'Result fed back' },
} as const satisfies Record<(typeof clueHandoffStatuses)[number], LocalizedText>;

/** Pictures, documents and recordings a citizen may attach; the server checks the bytes. */
export const PUBLIC_MAX_FILES = 9;
