import { App, Form, Input, Select, Typography } from 'antd';
import { violationCategories, violationCategoryLabels, type ClueDetail, type ViolationCategory } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { textRules } from '../../../shared/form-rules.ts';
import { enumOptions } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useUpdateClue, type UpdateClueRequest } from '../clues.api.ts';
import { PersonFields, type PersonValues } from './person-fields.tsx';
import { useClueErrorHandler } from './use-clue-error.ts';

interface EditValues extends PersonValues {
  title: string;
  allegations: string;
  violationCategories: ViolationCategory[];
}

function valuesOf(clue: ClueDetail): EditValues {
  return {
    title: clue.title,
    allegations: clue.allegations,
    violationCategories: clue.violationCategories,
    concernedName: clue.concernedName,
    concernedPost: clue.concernedPost ?? undefined,
    concernedUnit: clue.concernedUnit ?? undefined,
    idNumber: undefined,
    objectLevel: clue.objectLevel ?? undefined,
    cadreManagementLevel: clue.cadreManagementLevel ?? undefined,
    isPartyMember: clue.isPartyMember,
    supervisedCategory: clue.supervisedCategory ?? undefined,
    lowerCommitteePrincipal: clue.lowerCommitteePrincipal,
  };
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Only the fields that changed go to the server (with the version seen): a changed name, unit or ID number re-links
 * the clue to its person, so unchanged ones must not be sent. The sealed ID number is never shown; typing one replaces it.
 */
function changesOf(clue: ClueDetail, values: EditValues): Omit<UpdateClueRequest, 'version'> {
  const changes: Omit<UpdateClueRequest, 'version'> = {};
  if (values.title.trim() !== clue.title) changes.title = values.title.trim();
  if (values.allegations.trim() !== clue.allegations) changes.allegations = values.allegations.trim();
  const categories = values.violationCategories ?? [];
  if (categories.length !== clue.violationCategories.length || categories.some((category) => !clue.violationCategories.includes(category))) {
    changes.violationCategories = categories;
  }
  if (values.concernedName.trim() !== clue.concernedName) changes.concernedName = values.concernedName.trim();
  if (blankToNull(values.concernedPost) !== clue.concernedPost) changes.concernedPost = blankToNull(values.concernedPost);
  if (blankToNull(values.concernedUnit) !== clue.concernedUnit) changes.concernedUnit = blankToNull(values.concernedUnit);
  if (blankToNull(values.idNumber)) changes.idNumber = blankToNull(values.idNumber);
  if ((values.objectLevel ?? null) !== clue.objectLevel) changes.objectLevel = values.objectLevel ?? null;
  if ((values.cadreManagementLevel ?? null) !== clue.cadreManagementLevel) changes.cadreManagementLevel = values.cadreManagementLevel ?? null;
  if (values.isPartyMember !== clue.isPartyMember) changes.isPartyMember = values.isPartyMember;
  if ((values.supervisedCategory ?? null) !== clue.supervisedCategory) changes.supervisedCategory = values.supervisedCategory ?? null;
  if (values.lowerCommitteePrincipal !== clue.lowerCommitteePrincipal) changes.lowerCommitteePrincipal = values.lowerCommitteePrincipal;
  return changes;
}

/** Correcting the allegation or the person concerned (PATCH with the version seen; a conflict prompts a reload). */
export function ClueEditModal({ clue, open, onClose }: { clue: ClueDetail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateClue(clue.id);
  const onError = useClueErrorHandler(clue.id);

  const onFinish = async (values: EditValues) => {
    const changes = changesOf(clue, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('clues.nothingChanged'));
      onClose();
      return;
    }
    try {
      await update.mutateAsync({ ...changes, version: clue.version });
      void message.success(t('clues.updated'));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <FormModal<EditValues>
      open={open}
      title={t('clues.editTitle')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={update.isPending}
      width={760}
      initialValues={valuesOf(clue)}
      testId="clue-edit-modal"
    >
      <Form.Item name="title" label={t('clues.title')} rules={textRules(t, t('clues.title'), 80)}>
        <Input maxLength={80} showCount />
      </Form.Item>
      <Form.Item name="allegations" label={t('clues.allegations')} rules={textRules(t, t('clues.allegations'), 10_000, 10)}>
        <Input.TextArea rows={5} maxLength={10_000} showCount />
      </Form.Item>
      <Form.Item name="violationCategories" label={t('clues.violationCategories')} rules={[{ type: 'array', max: 13, message: t('validation.maxItems', { max: 13 }) }]}>
        <Select mode="multiple" allowClear options={enumOptions(violationCategories, violationCategoryLabels, locale)} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('clues.editPersonHint')}</Typography.Paragraph>
      <PersonFields idNumberSealed={clue.hasIdNumber} compact />
    </FormModal>
  );
}
