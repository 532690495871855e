import { z } from 'zod';
import type { LocalizedText } from './i18n.ts';

/** Stable error codes: clients branch on these, never on messages. */
export const errorMessages = {
  VALIDATION_FAILED: { zhCN: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  INVALID_JSON: { zhCN: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { zhCN: '不支持的请求内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { zhCN: '提交的内容过大', en: 'The request is too large' },
  NOT_FOUND: { zhCN: '未找到请求的资源', en: 'The requested resource was not found' },
  UNAUTHENTICATED: { zhCN: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { zhCN: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  CSRF_TOKEN_INVALID: { zhCN: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  FORBIDDEN: { zhCN: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  INVALID_CREDENTIALS: { zhCN: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { zhCN: '登录失败次数过多，账户已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is temporarily locked' },
  ACCOUNT_DISABLED: { zhCN: '账户已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  TOTP_REQUIRED: { zhCN: '请输入动态验证码', en: 'Enter your one-time code' },
  TOTP_INVALID: { zhCN: '动态验证码错误', en: 'The one-time code is wrong' },
  TOTP_NOT_PENDING: { zhCN: '没有待验证的登录，请重新登录', en: 'No sign-in is waiting for a code; sign in again' },
  TOTP_ALREADY_ENABLED: { zhCN: '已启用双重验证', en: 'Two-factor authentication is already on' },
  PASSWORD_WRONG: { zhCN: '原密码错误', en: 'The current password is wrong' },
  PASSWORD_TOO_WEAK: { zhCN: '新密码强度不足', en: 'The new password is too weak' },
  MEMBERSHIP_NOT_FOUND: { zhCN: '您不属于该单位', en: 'You are not a member of that body' },
  USERNAME_TAKEN: { zhCN: '用户名已被使用', en: 'That username is taken' },
  ORGANIZATION_CODE_TAKEN: { zhCN: '单位编码已被使用', en: 'That organization code is taken' },
  ORGANIZATION_HAS_CHILDREN: { zhCN: '该单位下还有下级单位或人员，不能删除', en: 'This body still has sub-bodies or members' },
  ORGANIZATION_PARENT_INVALID: { zhCN: '上级单位无效（不能是自身或下级）', en: 'Invalid parent body (cannot be itself or a descendant)' },
  VERSION_CONFLICT: { zhCN: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  WORKFLOW_ACTION_NOT_ALLOWED: { zhCN: '当前状态下不能执行该操作', en: 'This action is not allowed in the current state' },
  WORKFLOW_STATE_CHANGED: { zhCN: '状态已被他人变更，请刷新后重试', en: 'The status was changed by someone else; reload and try again' },
  WORKFLOW_NOTE_REQUIRED: { zhCN: '此操作需要填写说明', en: 'This action needs a note' },
  DEADLINE_NOT_EXTENDABLE: { zhCN: '该期限不可延长或已超过最长延期', en: 'This deadline cannot be extended that far' },
  FILE_TOO_LARGE: { zhCN: '文件超过大小限制', en: 'The file is larger than allowed' },
  FILE_TYPE_NOT_ALLOWED: { zhCN: '不支持的文件类型（按文件内容识别）', en: 'File type not allowed (checked by content)' },
  FILE_MISSING: { zhCN: '请选择要上传的文件', en: 'Choose a file to upload' },
  HUMAN_CHECK_FAILED: { zhCN: '人机验证未通过或已过期，请重新验证', en: 'The human check failed or expired; try again' },
  RECEIPT_INVALID: { zhCN: '受理编号或查询码不正确', en: 'Wrong receipt code or secret' },
  TOO_MANY_FILES: { zhCN: '附件数量超过上限', en: 'Too many attachments' },
  CATEGORY_ANSWER_INVALID: { zhCN: '分类补充问题填写不完整或有误', en: 'The category questions are incomplete or invalid' },
  CATEGORY_NOT_FOUND: { zhCN: '问题分类不存在或已停用', en: 'Unknown or inactive category' },
  RECEIVING_BODY_INVALID: { zhCN: '受理单位无效', en: 'Invalid receiving body' },
  TRANSFER_TARGET_INVALID: { zhCN: '接收单位无效（不能是本单位）', en: 'Invalid receiving body (not your own)' },
  PROPOSAL_MISMATCH: { zhCN: '该批准操作与拟办方式不一致', en: 'This approval does not match the proposed handling' },
  IDENTITY_NOT_GRANTED: { zhCN: '您无权查阅举报人身份', en: 'You may not read the reporter identity' },
  ALREADY_RATED: { zhCN: '已评价过', en: 'Already rated' },
  NOT_RATEABLE: { zhCN: '尚未答复，暂不能评价', en: 'There is no answer to rate yet' },
  MERGE_TARGET_INVALID: { zhCN: '不能合并到该件', en: 'Cannot merge into that report' },
  ATTACHMENT_INVALID: { zhCN: '附件不存在或不属于您', en: 'Unknown attachment or not yours' },
  CLUE_LEDGER_INVALID: { zhCN: '线索只能移送至纪委监委或乡镇纪委', en: 'Clues go to a commission or a township committee' },
  CLUE_ACTION_INCOMPLETE: { zhCN: '该操作缺少必填内容', en: 'This action needs more information' },
  CLUE_HANDLING_BODY_INVALID: { zhCN: '承办部门无效（须为本委的室、组或乡镇纪委）', en: 'Invalid handling body (an office, group or township of this commission)' },
  APPROVAL_NOT_YOURS: { zhCN: '当前审批环节不由您签批', en: 'The current approval step is not yours to sign' },
  APPROVAL_INCOMPLETE: { zhCN: '审批链尚未完成', en: 'The approval chain is not complete' },
  REVIEWER_CONFLICT: { zhCN: '复查人员不得由原审查调查、审理人员担任', en: 'Reviewers may not include those who investigated or heard the case' },
  SANCTION_NOT_APPLICABLE: { zhCN: '该处分种类不适用于被处分人（党员身份或村干部限制）', en: 'That sanction does not apply to the person concerned (party membership, village-cadre rule)' },
  MEASURE_LIMIT_EXCEEDED: { zhCN: '留置期限超过法定上限（三个月，经批准可延长一次，不超过三个月）', en: 'Detention beyond its legal limit (3 months, extendable once by at most 3 with approval)' },
  SCREENING_INCOMPLETE: { zhCN: '还有线索未形成排查结论', en: 'Some clues of the batch have no conclusion yet' },
  CHECKLIST_MISMATCH: { zhCN: '评分项与评查表不一致或超过满分', en: 'Scores do not match the checklist or exceed the maximum' },
  RATE_LIMITED: { zhCN: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL_ERROR: { zhCN: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export const ApiErrorSchema = z
  .object({
    code: z.string().describe('Stable error code, e.g. VALIDATION_FAILED'),
    message: z.string().describe("Human-readable message in the request's language"),
    details: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Per-field problems for validation errors'),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiErrorSchema>;
