import type { LocalizedText } from './i18n.ts';

// Enumerations of the problem-clue ledger (问题线索), DOMAIN.md §2.4, §2.5, §2.7 and §3.2. Zod-free, like
// petition-vocabulary.ts, so that the UI can import labels without the schemas.

/** Where a clue came from (来源渠道). */
export const clueSources = [
  'petition',
  'inspection',
  'audit',
  'peoples_congress',
  'partner_body',
  'data_cross_check',
  'special_supervisor',
  'media',
  'self_discovered',
  'other_commission',
  'law_enforcement',
] as const;
export type ClueSource = (typeof clueSources)[number];
export const clueSourceLabels = {
  petition: { zhCN: '信访举报转入', en: 'Converted petition' },
  inspection: { zhCN: '巡视巡察移交', en: 'Inspection' },
  audit: { zhCN: '审计移送', en: 'Audit' },
  peoples_congress: { zhCN: '人大、政协等转交', en: "People's congress or CPPCC" },
  partner_body: { zhCN: '其他协作单位移送', en: 'Other partner body' },
  data_cross_check: { zhCN: '大数据比对', en: 'Data cross-check' },
  special_supervisor: { zhCN: '特约监察员反映', en: 'Special supervisor' },
  media: { zhCN: '媒体曝光', en: 'Media' },
  self_discovered: { zhCN: '监督检查中发现', en: 'Found in own supervision' },
  other_commission: { zhCN: '其他纪委监委移送', en: 'Another commission' },
  law_enforcement: { zhCN: '执法司法机关移送', en: 'Law enforcement or judicial body' },
} as const satisfies Record<ClueSource, LocalizedText>;

/** The four national disposal types plus transfer to investigation (DOMAIN.md §2.5). */
export const disposalTypes = ['talk_or_letter_inquiry', 'preliminary_verification', 'shelved_pending_review', 'closed_no_action', 'case_filing'] as const;
export type DisposalType = (typeof disposalTypes)[number];
export const disposalTypeLabels = {
  talk_or_letter_inquiry: { zhCN: '谈话函询', en: 'Talk or letter inquiry' },
  preliminary_verification: { zhCN: '初步核实', en: 'Preliminary verification' },
  shelved_pending_review: { zhCN: '暂存待查', en: 'Hold for later review' },
  closed_no_action: { zhCN: '予以了结', en: 'Close' },
  case_filing: { zhCN: '立案审查调查', en: 'File a case' },
} as const satisfies Record<DisposalType, LocalizedText>;

/** The workflow action that approves each disposal type (the approved type decides the next state). */
export const approvalActionOfDisposal = {
  talk_or_letter_inquiry: 'approveInquiry',
  preliminary_verification: 'approveVerification',
  shelved_pending_review: 'approveShelving',
  closed_no_action: 'approveClosing',
  case_filing: 'approveCaseFiling',
} as const satisfies Record<DisposalType, string>;

/** How an inquiry is made (谈话 or 函询). */
export const inquiryMethods = ['talk', 'letter'] as const;
export type InquiryMethod = (typeof inquiryMethods)[number];
export const inquiryMethodLabels = {
  talk: { zhCN: '谈话', en: 'Talk' },
  letter: { zhCN: '函询', en: 'Letter' },
} as const satisfies Record<InquiryMethod, LocalizedText>;

/** The four outcomes of an inquiry (四种结果), DOMAIN.md §2.5 (2019 规则 art.30). */
export const inquiryOutcomes = ['accept_and_close', 'light_handling', 'repeat_inquiry', 'preliminary_verification'] as const;
export type InquiryOutcome = (typeof inquiryOutcomes)[number];
export const inquiryOutcomeLabels = {
  accept_and_close: { zhCN: '采信了结', en: 'Accept the explanation and close' },
  light_handling: { zhCN: '谈话提醒、批评教育、责令检查、诫勉', en: 'Light handling' },
  repeat_inquiry: { zhCN: '再次谈话函询', en: 'Inquire again' },
  preliminary_verification: { zhCN: '初步核实', en: 'Preliminary verification' },
} as const satisfies Record<InquiryOutcome, LocalizedText>;
export const actionOfInquiryOutcome = {
  accept_and_close: 'acceptAndClose',
  light_handling: 'closeWithLightHandling',
  repeat_inquiry: 'inquireAgain',
  preliminary_verification: 'moveToVerification',
} as const satisfies Record<InquiryOutcome, string>;

/** What a preliminary verification recommends (DOMAIN.md §2.5, 2019 规则 art.35). */
export const verificationRecommendations = ['propose_case_filing', 'close', 'reminder_talk', 'shelve', 'transfer_to_party_org'] as const;
export type VerificationRecommendation = (typeof verificationRecommendations)[number];
export const verificationRecommendationLabels = {
  propose_case_filing: { zhCN: '拟立案审查调查', en: 'Propose filing a case' },
  close: { zhCN: '予以了结', en: 'Close' },
  reminder_talk: { zhCN: '谈话提醒', en: 'Reminder talk' },
  shelve: { zhCN: '暂存待查', en: 'Hold for later review' },
  transfer_to_party_org: { zhCN: '移送有关党组织处理', en: 'Transfer to the party organisation concerned' },
} as const satisfies Record<VerificationRecommendation, LocalizedText>;
export const actionOfVerificationRecommendation = {
  propose_case_filing: 'approveCaseFilingAfterVerification',
  close: 'closeAfterVerification',
  reminder_talk: 'closeWithReminderTalk',
  shelve: 'shelveAfterVerification',
  transfer_to_party_org: 'transferToPartyOrganisation',
} as const satisfies Record<VerificationRecommendation, string>;

/**
 * Supervised-person category (监察对象类别): the six kinds of public official of 监察法 art.15 (DOMAIN.md §2.7 C). With
 * party membership it decides which sanctions a decision may impose (`sanctionRefusal` in case-vocabulary.ts).
 */
export const supervisedCategories = [
  'civil_servant',
  'authorised_org_staff',
  'soe_manager',
  'public_institution_manager',
  'grassroots_autonomy_manager',
  'other_public_duty',
] as const;
export type SupervisedCategory = (typeof supervisedCategories)[number];
export const supervisedCategoryLabels = {
  civil_servant: { zhCN: '公务员及参照公务员法管理的人员', en: 'Civil servants and those managed like them' },
  authorised_org_staff: { zhCN: '法律法规授权或受委托管理公共事务的组织中从事公务的人员', en: 'Staff of bodies authorised to manage public affairs' },
  soe_manager: { zhCN: '国有企业管理人员', en: 'State-owned enterprise managers' },
  public_institution_manager: { zhCN: '公办教科文卫体等单位中从事管理的人员', en: 'Managers of public education, research, culture, health or sports units' },
  grassroots_autonomy_manager: { zhCN: '基层群众性自治组织中从事管理的人员（村干部）', en: 'Managers of village or residents’ committees (village cadres)' },
  other_public_duty: { zhCN: '其他依法履行公职的人员', en: 'Others performing public duties' },
} as const satisfies Record<SupervisedCategory, LocalizedText>;

/** Cadre-management authority (干部管理权限), DOMAIN.md §2.7 A: decides jurisdiction and the approval chain. */
export const cadreManagementLevels = ['central_managed', 'province_managed', 'city_managed', 'county_managed', 'township_managed', 'unit_managed'] as const;
export type CadreManagementLevel = (typeof cadreManagementLevels)[number];
export const cadreManagementLevelLabels = {
  central_managed: { zhCN: '中管干部', en: 'Centrally managed' },
  province_managed: { zhCN: '省管干部', en: 'Province-managed' },
  city_managed: { zhCN: '市管干部', en: 'City-managed' },
  county_managed: { zhCN: '县管干部', en: 'County-managed' },
  township_managed: { zhCN: '乡镇管理', en: 'Township-managed' },
  unit_managed: { zhCN: '单位自管', en: 'Unit-managed' },
} as const satisfies Record<CadreManagementLevel, LocalizedText>;

/** Who signs a disposal, in order (DOMAIN.md §6: collective study, then approval). */
export const approvalSteps = ['office_head', 'leader_in_charge', 'principal_leader'] as const;
export type ApprovalStep = (typeof approvalSteps)[number];
export const approvalStepLabels = {
  office_head: { zhCN: '承办部门负责人审核', en: 'Head of the handling office' },
  leader_in_charge: { zhCN: '分管领导审批', en: 'Leader in charge' },
  principal_leader: { zhCN: '主要负责人审批', en: 'Principal leader' },
} as const satisfies Record<ApprovalStep, LocalizedText>;

/** Transfers of a clue between bodies (移送 / 交办 / 转办). */
export const clueTransferModes = ['transfer', 'assign_with_report', 'forward'] as const;
export type ClueTransferMode = (typeof clueTransferModes)[number];
export const clueTransferModeLabels = {
  transfer: { zhCN: '移送（须反馈结果）', en: 'Transfer (result required)' },
  assign_with_report: { zhCN: '交办（限期报告结果）', en: 'Assign with report' },
  forward: { zhCN: '转办（不需反馈）', en: 'Forward (no report back)' },
} as const satisfies Record<ClueTransferMode, LocalizedText>;
export const clueTransferStatuses = ['pending', 'acknowledged', 'returned', 'reported'] as const;
export type ClueTransferStatus = (typeof clueTransferStatuses)[number];
export const clueTransferStatusLabels = {
  pending: { zhCN: '待签收', en: 'Awaiting acknowledgement' },
  acknowledged: { zhCN: '已签收办理中', en: 'Acknowledged, in hand' },
  returned: { zhCN: '已退回', en: 'Returned' },
  reported: { zhCN: '已反馈结果', en: 'Result reported' },
} as const satisfies Record<ClueTransferStatus, LocalizedText>;

/** Bodies that hold a clue ledger of their own (a commission, or a township committee). */
export const clueLedgerBodyTypes = ['discipline_commission', 'township_discipline_committee'] as const;
/** Bodies a commission assigns a clue to for handling (室组地). */
export const clueHandlingBodyTypes = [
  'supervision_office',
  'investigation_office',
  'dispatched_discipline_group',
  'township_discipline_committee',
  'case_management_office',
] as const;
