import { defineWorkflow, type DeadlineRule } from '../workflow.ts';

const caseManagers = ['case_management_officer', 'leader'] as const;
const handlers = ['handling_officer', 'case_management_officer'] as const;
const leaders = ['leader'] as const;
const staff = ['case_management_officer', 'handling_officer', 'leader'] as const;

// Deadline rules; DOMAIN.md §3.2 and §4 (D12–D16). Rules tagged M, I or L are overridable by administrators.
const rules = {
  register: {
    key: 'clue.register',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    // 监察法实施条例 art.171: clues are registered centrally and, when another commission's, forwarded within 5 WD (D12).
    legalBasis: { zhCN: '《监察法实施条例》第一百七十一条：5个工作日内登记或移送', en: 'Supervision Law Implementing Regulations art.171: 5 working days' },
    source: 'S',
  },
  assign: {
    key: 'clue.assign',
    basis: 'workingDays',
    length: 3,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '案管室登记后3个工作日内分办（本地做法）', en: 'Case management assigns within 3 working days (local practice)' },
    source: 'I',
  },
  propose: {
    key: 'clue.propose',
    basis: 'months',
    length: 1,
    extendable: false,
    remindBefore: 5,
    // 2019 规则 art.21 (from memory, to verify): a disposal is proposed within one month of receiving the clue (D13).
    legalBasis: { zhCN: '《监督执纪工作规则》第二十一条：收到线索1个月内提出处置意见（待核实）', en: 'Discipline Work Rules art.21: propose within 1 month (to verify)' },
    source: 'M',
  },
  approve: {
    key: 'clue.approve',
    basis: 'workingDays',
    length: 4,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '分管领导、主要负责人审批处置意见（地方做法：1至3个工作日）', en: 'Approval of the disposal (local practice: 1–3 working days per signer)' },
    source: 'L',
  },
  inquiry: {
    key: 'clue.inquiry',
    basis: 'workingDays',
    length: 15,
    extendable: true,
    maxExtension: 10,
    remindBefore: 3,
    legalBasis: { zhCN: '批准后15个工作日内开展谈话或发函（地方做法）', en: 'Hold the talk or send the letter within 15 working days of approval (local practice)' },
    source: 'L',
  },
  inquiryReply: {
    key: 'clue.inquiryReply',
    basis: 'workingDays',
    length: 15,
    extendable: false,
    remindBefore: 3,
    // 2019 规则 art.28 (from memory): the person inquired of replies in writing within 15 working days (D14).
    legalBasis: { zhCN: '《监督执纪工作规则》第二十八条：收到函件后15个工作日内书面说明（待核实）', en: 'Discipline Work Rules art.28: written reply within 15 working days (to verify)' },
    source: 'M',
  },
  inquiryReport: {
    key: 'clue.inquiryReport',
    basis: 'months',
    length: 1,
    extendable: false,
    remindBefore: 5,
    // 2019 规则 art.29 (from memory): the report is written within a month of the talk or the reply (D15).
    legalBasis: { zhCN: '《监督执纪工作规则》第二十九条：谈话或回复后1个月内写出情况报告（待核实）', en: 'Discipline Work Rules art.29: report within 1 month (to verify)' },
    source: 'M',
  },
  outcomeApproval: {
    key: 'clue.outcomeApproval',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '处理意见5个工作日内审批（本地做法）', en: 'Approve the outcome within 5 working days (local practice)' },
    source: 'I',
  },
  verification: {
    key: 'clue.verification',
    basis: 'months',
    length: 2,
    extendable: true,
    maxExtension: 1,
    remindBefore: 10,
    // Not fixed nationally (D16); one county uses 2 months plus one month's extension.
    legalBasis: { zhCN: '初步核实2个月，可延长1个月（地方做法，全国无统一规定）', en: 'Preliminary verification: 2 months + 1 (local practice; no national rule)' },
    source: 'L',
  },
  shelvedReview: {
    key: 'clue.shelvedReview',
    basis: 'months',
    length: 6,
    extendable: true,
    maxExtension: 6,
    remindBefore: 10,
    // 监察法实施条例 art.168: clues are cleared out periodically (定期清理); the period is local practice.
    legalBasis: { zhCN: '暂存待查线索定期清理、重新研判（周期为本地设定）', en: 'Held clues are re-evaluated periodically (locally set period)' },
    source: 'I',
  },
  acknowledgeTransfer: {
    key: 'clue.acknowledgeTransfer',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '《监察法实施条例》第一百七十一条：收到移送线索5个工作日内签收办理', en: 'Supervision Law Implementing Regulations art.171: 5 working days' },
    source: 'S',
  },
  transferResult: {
    key: 'clue.transferResult',
    basis: 'months',
    length: 3,
    extendable: true,
    maxExtension: 3,
    remindBefore: 10,
    // 监察法实施条例 art.169: assigned clues report their result by a set date; the date is locally set.
    legalBasis: { zhCN: '移送、交办线索限期反馈结果（期限为本地设定）', en: 'Transferred clues report their result by a set date (locally set)' },
    source: 'I',
  },
  feedback: {
    key: 'clue.feedback',
    basis: 'workingDays',
    length: 10,
    extendable: false,
    remindBefore: 2,
    legalBasis: { zhCN: '处置完毕后10个工作日内向来源单位反馈结果（本地做法）', en: 'Feed the result back to the source within 10 working days (local practice)' },
    source: 'I',
  },
} as const satisfies Record<string, DeadlineRule>;

/**
 * A problem clue (问题线索) in a commission's central ledger: 及时移送—集中管理—分类处置—结果反馈, DOMAIN.md §3.2
 * (WF-B) with the inquiry (WF-B1) and preliminary-verification (WF-B2) sub-flows. A transfer to another body creates
 * a new clue in the receiver's ledger (transfer_received); its result flows back to the sender's clue.
 */
export const clueWorkflow = defineWorkflow({
  id: 'clue',
  label: { zhCN: '问题线索处置', en: 'Problem clue disposal' },
  initial: 'received',
  states: {
    received: { label: { zhCN: '待登记', en: 'Awaiting registration' }, deadline: rules.register },
    transfer_received: { label: { zhCN: '待签收', en: 'Awaiting acknowledgement' }, deadline: rules.acknowledgeTransfer },
    registered: { label: { zhCN: '待分办', en: 'Awaiting assignment' }, deadline: rules.assign },
    with_handling_office: { label: { zhCN: '承办部门研判', en: 'With the handling office' }, deadline: rules.propose },
    disposal_proposed: { label: { zhCN: '处置意见待审批', en: 'Disposal awaiting approval' }, deadline: rules.approve },
    inquiry: { label: { zhCN: '谈话函询', en: 'Inquiry' }, deadline: rules.inquiry },
    awaiting_reply: { label: { zhCN: '待函询回复', en: 'Awaiting written reply' }, deadline: rules.inquiryReply },
    inquiry_reporting: { label: { zhCN: '撰写函询报告', en: 'Writing the inquiry report' }, deadline: rules.inquiryReport },
    inquiry_reported: { label: { zhCN: '函询结果待审批', en: 'Inquiry outcome awaiting approval' }, deadline: rules.outcomeApproval },
    verification: { label: { zhCN: '初步核实', en: 'Preliminary verification' }, deadline: rules.verification },
    verification_reported: { label: { zhCN: '核实报告待审批', en: 'Verification report awaiting approval' }, deadline: rules.outcomeApproval },
    shelved: { label: { zhCN: '暂存待查', en: 'Held for later review' }, deadline: rules.shelvedReview },
    transferred: { label: { zhCN: '已移送待反馈', en: 'Transferred, awaiting result' }, deadline: rules.transferResult },
    case_filing: { label: { zhCN: '已转立案审查调查', en: 'Filed as a case' } },
    concluded: { label: { zhCN: '已处置待反馈', en: 'Disposed, feedback due' }, deadline: rules.feedback },
    closed: { label: { zhCN: '已办结', en: 'Closed' }, final: true },
    forwarded: { label: { zhCN: '已转办', en: 'Forwarded' }, final: true },
    returned: { label: { zhCN: '已退回', en: 'Returned to sender' }, final: true },
  },
  actions: {
    register: { label: { zhCN: '登记入库', en: 'Register' }, from: ['received'], to: 'registered', roles: caseManagers },
    acknowledge: { label: { zhCN: '签收', en: 'Acknowledge' }, from: ['transfer_received'], to: 'registered', roles: caseManagers },
    returnTransfer: { label: { zhCN: '退回移送单位', en: 'Return to sender' }, from: ['transfer_received'], to: 'returned', roles: caseManagers, requiresNote: true },
    assign: { label: { zhCN: '分办', en: 'Assign' }, from: ['registered'], to: 'with_handling_office', roles: caseManagers },
    transferOut: { label: { zhCN: '移送/交办', en: 'Transfer' }, from: ['registered', 'with_handling_office'], to: 'transferred', roles: caseManagers },
    forwardOut: { label: { zhCN: '转办', en: 'Forward' }, from: ['registered', 'with_handling_office'], to: 'forwarded', roles: caseManagers },
    resultReceived: { label: { zhCN: '收到办理结果', en: 'Result received' }, from: ['transferred'], to: 'concluded', roles: 'system' },
    transferReturned: { label: { zhCN: '被退回', en: 'Returned by the receiver' }, from: ['transferred'], to: 'registered', roles: 'system' },
    propose: { label: { zhCN: '提出处置意见', en: 'Propose a disposal' }, from: ['with_handling_office'], to: 'disposal_proposed', roles: handlers },
    returnProposal: { label: { zhCN: '退回重拟', en: 'Send the proposal back' }, from: ['disposal_proposed'], to: 'with_handling_office', roles: leaders, requiresNote: true },
    // The last signature of the approval chain takes one of these, by the proposed disposal (approvalActionOfDisposal).
    approveInquiry: { label: { zhCN: '批准谈话函询', en: 'Approve inquiry' }, from: ['disposal_proposed'], to: 'inquiry', roles: leaders },
    approveVerification: { label: { zhCN: '批准初步核实', en: 'Approve verification' }, from: ['disposal_proposed'], to: 'verification', roles: leaders },
    approveShelving: { label: { zhCN: '批准暂存待查', en: 'Approve holding' }, from: ['disposal_proposed'], to: 'shelved', roles: leaders },
    approveClosing: { label: { zhCN: '批准予以了结', en: 'Approve closing' }, from: ['disposal_proposed'], to: 'concluded', roles: leaders },
    approveCaseFiling: { label: { zhCN: '批准立案', en: 'Approve case filing' }, from: ['disposal_proposed'], to: 'case_filing', roles: leaders },
    // WF-B1: talk or letter inquiry.
    recordTalk: { label: { zhCN: '记录谈话', en: 'Record the talk' }, from: ['inquiry'], to: 'inquiry_reporting', roles: handlers },
    sendLetter: { label: { zhCN: '发出函询', en: 'Send the letter' }, from: ['inquiry'], to: 'awaiting_reply', roles: handlers },
    receiveReply: { label: { zhCN: '收到书面说明', en: 'Record the reply' }, from: ['awaiting_reply'], to: 'inquiry_reporting', roles: handlers },
    submitInquiryReport: { label: { zhCN: '报送函询报告', en: 'Submit the inquiry report' }, from: ['inquiry_reporting'], to: 'inquiry_reported', roles: handlers },
    acceptAndClose: { label: { zhCN: '采信了结', en: 'Accept and close' }, from: ['inquiry_reported'], to: 'concluded', roles: leaders },
    closeWithLightHandling: { label: { zhCN: '谈话提醒等轻处理', en: 'Light handling' }, from: ['inquiry_reported'], to: 'concluded', roles: leaders },
    inquireAgain: { label: { zhCN: '再次谈话函询', en: 'Inquire again' }, from: ['inquiry_reported'], to: 'inquiry', roles: leaders },
    moveToVerification: { label: { zhCN: '转初步核实', en: 'Move to verification' }, from: ['inquiry_reported'], to: 'verification', roles: leaders },
    // WF-B2: preliminary verification.
    submitVerificationReport: { label: { zhCN: '报送初核报告', en: 'Submit the verification report' }, from: ['verification'], to: 'verification_reported', roles: handlers },
    approveCaseFilingAfterVerification: { label: { zhCN: '批准立案审查调查', en: 'Approve case filing' }, from: ['verification_reported'], to: 'case_filing', roles: leaders },
    closeAfterVerification: { label: { zhCN: '予以了结', en: 'Close' }, from: ['verification_reported'], to: 'concluded', roles: leaders },
    closeWithReminderTalk: { label: { zhCN: '谈话提醒', en: 'Reminder talk' }, from: ['verification_reported'], to: 'concluded', roles: leaders },
    shelveAfterVerification: { label: { zhCN: '暂存待查', en: 'Hold for later review' }, from: ['verification_reported'], to: 'shelved', roles: leaders },
    transferToPartyOrganisation: { label: { zhCN: '移送有关党组织处理', en: 'Transfer to the party organisation' }, from: ['verification_reported'], to: 'concluded', roles: leaders },
    // Held clues come back (定期清理, new evidence) or are closed at the periodic review.
    reopen: { label: { zhCN: '重新研判', en: 'Re-evaluate' }, from: ['shelved'], to: 'with_handling_office', roles: staff, requiresNote: true },
    closeShelved: { label: { zhCN: '清理了结', en: 'Close at review' }, from: ['shelved'], to: 'concluded', roles: leaders, requiresNote: true },
    caseConcluded: { label: { zhCN: '案件审结', en: 'Case concluded' }, from: ['case_filing'], to: 'concluded', roles: 'system' },
    feedBack: { label: { zhCN: '反馈结果并办结', en: 'Feed back and close' }, from: ['concluded'], to: 'closed', roles: staff },
  },
});

export type ClueStatus = keyof typeof clueWorkflow.states;
export type ClueAction = keyof typeof clueWorkflow.actions;
export const clueStatuses = Object.keys(clueWorkflow.states) as ClueStatus[];
export const clueActions = Object.keys(clueWorkflow.actions) as ClueAction[];
