import type { CategoryQuestion } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { categoryByKey } from './petitions.repository.ts';
import type { petitionCategories } from './petitions.table.ts';

// A category may ask extra questions (e.g. the school of a 校园餐 report); a report keeps the answers its category asks
// for, checked here for every way in (portal, Open311, staff registration, reclassification).

type Answers = Record<string, string | boolean>;
type Location = 'payload' | 'body';

/** The answers a report keeps for `categoryKey`, read from the database. */
export async function answersForCategoryKey(db: DbOrTx, categoryKey: string | null | undefined, answers: Answers | undefined, location: Location): Promise<Answers> {
  const category = categoryKey ? await categoryByKey(db, categoryKey) : undefined;
  return answersForCategory(category, categoryKey, answers, location);
}

/** The extra answers a report keeps, checked against its category's questions (`category` as read for `categoryKey`). */
export function answersForCategory(
  category: typeof petitionCategories.$inferSelect | undefined,
  categoryKey: string | null | undefined,
  answers: Answers | undefined,
  location: Location,
): Answers {
  if (!categoryKey) {
    if (answers && Object.keys(answers).length > 0) throw new AppError('CATEGORY_ANSWER_INVALID', [{ path: `${location}.extraAnswers`, message: 'no category chosen' }]);
    return {};
  }
  if (!category || !category.active) throw new AppError('CATEGORY_NOT_FOUND');
  return checkAnswers(category.questions, answers ?? {}, location);
}

function checkAnswers(questions: CategoryQuestion[], answers: Answers, location: Location): Answers {
  const problems: { path: string; message: string }[] = [];
  const known = new Set(questions.map((question) => question.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems.push({ path: `${location}.extraAnswers.${key}`, message: 'unknown question' });
  const cleaned: Answers = {};
  for (const question of questions) {
    const value = answers[question.key];
    const path = `${location}.extraAnswers.${question.key}`;
    if (value === undefined || value === '') {
      if (question.required) problems.push({ path, message: `${question.label.zhCN}：必填 (${question.label.en}: required)` });
      continue;
    }
    const invalid = { path, message: `${question.label.zhCN}：答案无效 (${question.label.en}: invalid answer)` };
    const expectsBoolean = question.type === 'yesno';
    if (expectsBoolean !== (typeof value === 'boolean')) problems.push(invalid);
    else if (question.type === 'select' && !(question.options ?? []).some((option) => option.zhCN === value || option.en === value)) problems.push(invalid);
    else cleaned[question.key] = value;
  }
  if (problems.length > 0) throw new AppError('CATEGORY_ANSWER_INVALID', problems);
  return cleaned;
}
