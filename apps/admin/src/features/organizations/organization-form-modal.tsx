import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Form, Input, Select, TreeSelect } from 'antd';
import { organizationTypes, type Organization, type OrganizationType } from '@guantong/contracts';
import { isApiError } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength, ORGANIZATION_CODE_PATTERN, required } from '../../shared/form-rules.ts';
import { organizationTypeLabel } from '../../shared/labels.ts';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import {
  fetchOrganization,
  organizationTreeOptions,
  regionTreeOptions,
  subtreeIds,
  useCreateOrganization,
  useRegions,
  useUpdateOrganization,
} from './organizations.api.ts';

interface Values {
  parentId?: string | null;
  regionId: string;
  code: string;
  name: string;
  shortName?: string | null;
  type: OrganizationType;
}

export type OrganizationDialog = { mode: 'create'; parent: Organization | null } | { mode: 'edit'; organization: Organization } | null;

function valuesOf(organization: Organization): Values {
  return {
    parentId: organization.parentId,
    regionId: organization.regionId,
    code: organization.code,
    name: organization.name,
    shortName: organization.shortName,
    type: organization.type,
  };
}

/** Create a body (optionally under a parent) or edit one; edits send the version they started from. */
export function OrganizationFormModal({ dialog, organizations, onClose }: { dialog: OrganizationDialog; organizations: Organization[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const regions = useRegions(dialog !== null);
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  // After a version conflict the latest record replaces the one the dialog opened with.
  const [latest, setLatest] = useState<Organization | null>(null);
  useEffect(() => setLatest(null), [dialog]);
  const editing = dialog?.mode === 'edit' ? (latest ?? dialog.organization) : null;
  const conflict = latest !== null;

  const parentOptions = useMemo(
    () => organizationTreeOptions(organizations, editing ? subtreeIds(organizations, editing.id) : new Set()),
    [organizations, editing],
  );
  const regionOptions = useMemo(() => regionTreeOptions(regions.data ?? []), [regions.data]);

  const initialValues: Partial<Values> | undefined =
    dialog?.mode === 'edit'
      ? valuesOf(dialog.organization)
      : dialog?.mode === 'create'
        ? { parentId: dialog.parent?.id ?? null, regionId: dialog.parent?.regionId, type: dialog.parent ? undefined : 'discipline_commission' }
        : undefined;

  const onFinish = async (values: Values) => {
    const shortName = values.shortName?.trim() ? values.shortName.trim() : null;
    try {
      if (!editing) {
        await create.mutateAsync({
          parentId: values.parentId ?? null,
          regionId: values.regionId,
          code: values.code.trim(),
          name: values.name.trim(),
          shortName,
          type: values.type,
        });
        void message.success(t('organizations.created', { name: values.name.trim() }));
      } else {
        const parentId = values.parentId ?? null;
        await update.mutateAsync({
          id: editing.id,
          body: {
            version: editing.version,
            ...(parentId !== editing.parentId ? { parentId } : {}),
            ...(values.regionId !== editing.regionId ? { regionId: values.regionId } : {}),
            ...(values.name.trim() !== editing.name ? { name: values.name.trim() } : {}),
            ...(shortName !== editing.shortName ? { shortName } : {}),
            ...(values.type !== editing.type ? { type: values.type } : {}),
          },
        });
        void message.success(t('organizations.updated', { name: values.name.trim() }));
      }
      onClose();
    } catch (error) {
      onError(error, form);
      if (editing && isApiError(error, 'VERSION_CONFLICT')) {
        // Someone else saved first: load their version so the person can review and save again.
        try {
          const fresh = await fetchOrganization(editing.id);
          setLatest(fresh);
          form.setFieldsValue(valuesOf(fresh));
        } catch (reloadError) {
          onError(reloadError);
        }
      }
    }
  };

  return (
    <FormModal<Values>
      open={dialog !== null}
      title={dialog?.mode === 'edit' ? t('organizations.edit') : t('organizations.create')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={create.isPending || update.isPending}
      initialValues={initialValues}
      width={560}
      testId="organization-form"
    >
      {conflict ? <Alert type="warning" showIcon title={t('organizations.conflictReloaded')} style={{ marginBottom: 16 }} data-testid="version-conflict" /> : null}
      <Form.Item name="parentId" label={t('field.parent')} extra={t('organizations.parentHint')}>
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeData={parentOptions}
          treeDefaultExpandAll
          placeholder={t('organizations.noParent')}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="name" label={t('field.organizationName')} rules={[required(t, t('field.organizationName')), maxLength(t, 100)]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="shortName" label={t('field.shortName')} rules={[maxLength(t, 40)]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('field.organizationCode')}
        extra={editing ? t('organizations.codeFixed') : t('organizations.codeHint')}
        rules={editing ? [] : [required(t, t('field.organizationCode')), { pattern: ORGANIZATION_CODE_PATTERN, message: t('validation.organizationCode') }]}
      >
        <Input disabled={Boolean(editing)} spellCheck={false} />
      </Form.Item>
      <Form.Item name="type" label={t('field.organizationType')} rules={[{ required: true, message: t('validation.required', { field: t('field.organizationType') }) }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={organizationTypes.map((type) => ({ value: type, label: organizationTypeLabel(type, locale) }))} />
      </Form.Item>
      <Form.Item name="regionId" label={t('field.region')} rules={[{ required: true, message: t('validation.required', { field: t('field.region') }) }]}>
        <TreeSelect
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeData={regionOptions}
          treeDefaultExpandAll
          loading={regions.isLoading}
          treeNodeLabelProp="label"
          placeholder={t('organizations.pickRegion')}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </FormModal>
  );
}
