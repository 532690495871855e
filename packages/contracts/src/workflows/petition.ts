import { defineWorkflow, type DeadlineRule } from '../workflow.ts';

const intakeStaff = ['intake_officer'] as const;
const handlers = ['intake_officer', 'handling_officer'] as const;
const receivers = ['intake_officer', 'handling_officer', 'leader'] as const;
const leaders = ['leader'] as const;

// Deadline rules; DOMAIN.md §3.1, §3.4 and §4. Rules tagged I or L are local practice and administrators override them.
const rules = {
  register: {
    key: 'petition.register',
    basis: 'workingDays',
    length: 3,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '网络举报登记时限（本地做法）', en: 'Registering an online report (local practice)' },
    source: 'I',
  },
  acknowledgeTransfer: {
    key: 'petition.acknowledgeTransfer',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    // 检举控告工作规则 art.16: the receiving commission registers and accepts or forwards within 5 working days (D8).
    legalBasis: { zhCN: '《纪检监察机关处理检举控告工作规则》第十六条：5个工作日内签收办理', en: 'Accusation-handling rules art.16: 5 working days' },
    source: 'S',
  },
  propose: {
    key: 'petition.propose',
    basis: 'workingDays',
    length: 2,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '承办人2个工作日内提出拟办意见（地方做法）', en: 'Officer proposes handling within 2 working days (local practice)' },
    source: 'L',
  },
  approve: {
    key: 'petition.approve',
    basis: 'workingDays',
    length: 4,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '领导4个工作日内审批拟办意见（地方做法）', en: 'Leader approves the proposal within 4 working days (local practice)' },
    source: 'L',
  },
  handle: {
    key: 'petition.handle',
    basis: 'calendarDays',
    length: 60,
    extendable: true,
    maxExtension: 30,
    remindBefore: 5,
    // 信访工作条例 art.34: 60 days from acceptance, extendable by at most 30 with the head's approval (D4).
    legalBasis: { zhCN: '《信访工作条例》第三十四条：60日内办结，经批准可延长不超过30日', en: 'Petition Work Regulations art.34: 60 days, +30 with approval' },
    source: 'S',
  },
  assignedResult: {
    key: 'petition.assignedResult',
    basis: 'calendarDays',
    length: 60,
    extendable: true,
    maxExtension: 30,
    remindBefore: 5,
    // 监察法实施条例 art.169 requires a result report on assigned items by a set date; the date itself is local practice.
    legalBasis: { zhCN: '交办件限期报告办理结果（期限为本地设定）', en: 'Assigned items report their result by a set date (locally set)' },
    source: 'I',
  },
  closeAfterResult: {
    key: 'petition.closeAfterResult',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '收到办理结果后审核办结（本地做法）', en: 'Review the reported result and close (local practice)' },
    source: 'I',
  },
  review: {
    key: 'petition.review',
    basis: 'calendarDays',
    length: 30,
    extendable: false,
    remindBefore: 5,
    // 信访工作条例 art.35: a review (复查) is decided within 30 days (D5).
    legalBasis: { zhCN: '《信访工作条例》第三十五条：30日内提出复查意见', en: 'Petition Work Regulations art.35: review within 30 days' },
    source: 'S',
  },
} as const satisfies Record<string, DeadlineRule>;

/**
 * A petition or report (信访举报) as held by one body. A transfer to another body creates a new record
 * in the receiving body's queue (state transfer_received); its result flows back to the sender's record.
 * DOMAIN.md §3.1 (WF-A) and §3.4 (WF-D).
 */
export const petitionWorkflow = defineWorkflow({
  id: 'petition',
  label: { zhCN: '信访举报办理', en: 'Petition and report handling' },
  initial: 'submitted',
  states: {
    submitted: { label: { zhCN: '待登记', en: 'Awaiting registration' }, deadline: rules.register },
    transfer_received: { label: { zhCN: '待签收', en: 'Awaiting acknowledgement' }, deadline: rules.acknowledgeTransfer },
    registered: { label: { zhCN: '待拟办', en: 'Awaiting proposal' }, deadline: rules.propose },
    proposal_pending: { label: { zhCN: '拟办待批', en: 'Proposal awaiting approval' }, deadline: rules.approve },
    handling: { label: { zhCN: '办理中', en: 'Being handled' }, deadline: rules.handle },
    awaiting_result: { label: { zhCN: '待反馈结果', en: 'Awaiting reported result' }, deadline: rules.assignedResult },
    result_received: { label: { zhCN: '结果待审核', en: 'Result to review' }, deadline: rules.closeAfterResult },
    forwarded: { label: { zhCN: '已转办', en: 'Forwarded' } },
    escalated: { label: { zhCN: '已报送上级', en: 'Sent up' } },
    answered: { label: { zhCN: '已答复待评价', en: 'Answered, awaiting rating' } },
    rehandling: { label: { zhCN: '复查中', en: 'Under review' }, deadline: rules.review },
    closed: { label: { zhCN: '已办结', en: 'Closed' }, final: true },
    not_accepted: { label: { zhCN: '不予受理', en: 'Not accepted' }, final: true },
    merged: { label: { zhCN: '已合并', en: 'Merged' }, final: true },
    returned: { label: { zhCN: '已退回', en: 'Returned to sender' }, final: true },
  },
  actions: {
    register: { label: { zhCN: '登记受理', en: 'Register' }, from: ['submitted'], to: 'registered', roles: intakeStaff },
    acknowledge: { label: { zhCN: '签收', en: 'Acknowledge' }, from: ['transfer_received'], to: 'registered', roles: receivers },
    acknowledgeAndHandle: { label: { zhCN: '签收并办理', en: 'Acknowledge and handle' }, from: ['transfer_received'], to: 'handling', roles: receivers },
    // 信访工作条例 art.23 ¶3: a body objects to a mis-forwarded item with reasons (D3).
    returnToSender: { label: { zhCN: '退回', en: 'Return to sender' }, from: ['transfer_received'], to: 'returned', roles: receivers, requiresNote: true },
    propose: { label: { zhCN: '提出拟办意见', en: 'Propose handling' }, from: ['registered'], to: 'proposal_pending', roles: intakeStaff },
    sendBack: { label: { zhCN: '退回重拟', en: 'Send back' }, from: ['proposal_pending'], to: 'registered', roles: leaders, requiresNote: true },
    approveDirect: { label: { zhCN: '批准：直接办理', en: 'Approve: handle directly' }, from: ['proposal_pending'], to: 'handling', roles: leaders },
    approveJoint: { label: { zhCN: '批准：联合办理', en: 'Approve: handle jointly' }, from: ['proposal_pending'], to: 'awaiting_result', roles: leaders },
    approveAssignment: { label: { zhCN: '批准：交办', en: 'Approve: assign with report-back' }, from: ['proposal_pending'], to: 'awaiting_result', roles: leaders },
    approveForwarding: { label: { zhCN: '批准：转办', en: 'Approve: forward' }, from: ['proposal_pending'], to: 'forwarded', roles: leaders },
    approveEscalation: { label: { zhCN: '批准：报送上级', en: 'Approve: send up' }, from: ['proposal_pending'], to: 'escalated', roles: leaders },
    approveNotAccepted: { label: { zhCN: '批准：不予受理', en: 'Approve: not accepted' }, from: ['proposal_pending'], to: 'not_accepted', roles: leaders },
    resultReceived: { label: { zhCN: '收到办理结果', en: 'Result received' }, from: ['awaiting_result'], to: 'result_received', roles: 'system' },
    // The reporter was dissatisfied with the receiver's answer: the sender waits for the reviewed result.
    reviewStarted: { label: { zhCN: '下级复查中', en: 'Receiver reviewing' }, from: ['result_received'], to: 'awaiting_result', roles: 'system' },
    transferReturned: { label: { zhCN: '被退回', en: 'Returned by receiver' }, from: ['awaiting_result', 'forwarded', 'escalated'], to: 'registered', roles: 'system' },
    answer: { label: { zhCN: '答复', en: 'Answer' }, from: ['handling', 'result_received', 'rehandling'], to: 'answered', roles: handlers },
    closeWithResult: { label: { zhCN: '审核办结', en: 'Close with the result' }, from: ['result_received'], to: 'closed', roles: ['intake_officer', 'leader'] },
    rateSatisfied: { label: { zhCN: '评价满意', en: 'Rated satisfied' }, from: ['answered'], to: 'closed', roles: 'system' },
    // 信访工作条例 art.35: a dissatisfied petitioner asks for a review; here the rating itself starts it.
    rateDissatisfied: { label: { zhCN: '评价不满意', en: 'Rated dissatisfied' }, from: ['answered'], to: 'rehandling', roles: 'system' },
    // 信访工作条例 art.36 ¶3: after review and recheck the same request is not taken up again.
    rateDissatisfiedFinal: { label: { zhCN: '评价不满意（复查后终结）', en: 'Rated dissatisfied after review (final)' }, from: ['answered'], to: 'closed', roles: 'system' },
    archive: { label: { zhCN: '归档办结', en: 'Archive' }, from: ['answered'], to: 'closed', roles: ['intake_officer', 'leader'], requiresNote: true },
    merge: { label: { zhCN: '合并为重复件', en: 'Merge as duplicate' }, from: ['submitted', 'registered'], to: 'merged', roles: intakeStaff, requiresNote: true },
  },
});
export type PetitionStatus = keyof typeof petitionWorkflow.states;
export type PetitionAction = keyof typeof petitionWorkflow.actions;
export const petitionStatuses = Object.keys(petitionWorkflow.states) as PetitionStatus[];
export const petitionRuleKeys = Object.values(rules).map((rule) => rule.key);
