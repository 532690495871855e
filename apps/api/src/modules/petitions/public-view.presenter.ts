import type { LocalizedText, PetitionStatus } from '@guantong/contracts';

// The reporter's words for where a report stands: plain stages, no staff names, no internal steps.

export type PublicStage = 'received' | 'accepted' | 'in_hand' | 'answered' | 'under_review' | 'closed' | 'not_accepted';

export const stageOf: Record<PetitionStatus, PublicStage> = {
  submitted: 'received',
  registered: 'accepted',
  proposal_pending: 'accepted',
  transfer_received: 'in_hand',
  handling: 'in_hand',
  awaiting_result: 'in_hand',
  result_received: 'in_hand',
  forwarded: 'in_hand',
  escalated: 'in_hand',
  answered: 'answered',
  rehandling: 'under_review',
  closed: 'closed',
  merged: 'closed',
  returned: 'in_hand',
  not_accepted: 'not_accepted',
};

export const publicStageLabels: Record<PublicStage, LocalizedText> = {
  received: { zhCN: '已提交，等待受理', en: 'Received, awaiting acceptance' },
  accepted: { zhCN: '已受理，正在研究办理方式', en: 'Accepted, deciding how to handle it' },
  in_hand: { zhCN: '办理中', en: 'Being handled' },
  answered: { zhCN: '已答复，请评价', en: 'Answered; please rate the answer' },
  under_review: { zhCN: '复查中', en: 'Under review' },
  closed: { zhCN: '已办结', en: 'Closed' },
  not_accepted: { zhCN: '不予受理（已告知）', en: 'Not accepted (you have been told why)' },
};

// What the reporter sees of each step: plain words, no staff names, no internal notes.
export const publicEventLabels: Record<string, LocalizedText | undefined> = {
  create: { zhCN: '收到反映', en: 'Report received' },
  register: { zhCN: '登记受理', en: 'Registered and accepted' },
  acknowledge: { zhCN: '承办单位已签收', en: 'Taken in by the handling body' },
  acknowledgeAndHandle: { zhCN: '承办单位已签收办理', en: 'Taken in by the handling body' },
  approveDirect: { zhCN: '进入办理', en: 'Handling started' },
  approveAssignment: { zhCN: '交由下级单位办理', en: 'Assigned to a lower body' },
  approveForwarding: { zhCN: '转有权处理单位办理', en: 'Forwarded to the competent body' },
  approveEscalation: { zhCN: '报送上级机关', en: 'Sent to the higher body' },
  approveJoint: { zhCN: '多单位联合办理', en: 'Handled jointly' },
  approveNotAccepted: { zhCN: '不予受理，已告知', en: 'Not accepted; reasons given' },
  answer: { zhCN: '作出答复', en: 'Answered' },
  rateSatisfied: { zhCN: '已评价', en: 'Rated' },
  rateDissatisfied: { zhCN: '评价不满意，进入复查', en: 'Rated dissatisfied; review started' },
  rateDissatisfiedFinal: { zhCN: '评价不满意，复查后终结', en: 'Rated dissatisfied; final after review' },
  closeWithResult: { zhCN: '办结', en: 'Closed' },
  archive: { zhCN: '办结归档', en: 'Closed and archived' },
  merge: { zhCN: '与同一事项合并办理', en: 'Merged with the same matter' },
};
