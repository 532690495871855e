import { useMemo, useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { receivingBodyTypes, type IntakePoint, type OrganizationType } from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { useSession } from '../../../shared/session.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { organizationTreeOptions, useOrganizations } from '../../organizations/organizations.api.ts';
import { intakePointQrUrl, useIntakePoints, useSaveIntakePoint } from '../petitions.api.ts';

interface Values {
  organizationId?: string;
  placeName: string;
  description?: string;
  active?: boolean;
}

type Editing = { mode: 'create' } | { mode: 'edit'; point: IntakePoint } | null;

/** "码上" intake points: a QR code per place or unit that opens the report form with its receiving body chosen. */
export function IntakePointsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const points = useIntakePoints();
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<Values>();
  const save = useSaveIntakePoint();
  const creating = editing?.mode === 'create';
  const organizations = useOrganizations({}, creating && can('organizations.read'));
  // Only bodies that take reports from the public can own a code; the others stay in the tree, greyed out, for orientation.
  const organizationOptions = useMemo(() => {
    const list = organizations.data ?? [];
    const receiving = new Set<OrganizationType>(receivingBodyTypes);
    return organizationTreeOptions(list, new Set(list.filter((organization) => !receiving.has(organization.type)).map((organization) => organization.id)));
  }, [organizations.data]);

  const onFinish = async (values: Values) => {
    const description = values.description?.trim() ? values.description.trim() : null;
    try {
      const saved =
        editing?.mode === 'edit'
          ? await save.mutateAsync({
              id: editing.point.id,
              body: { placeName: values.placeName.trim(), description, active: Boolean(values.active), version: editing.point.version },
            })
          : await save.mutateAsync({ body: { organizationId: values.organizationId!, placeName: values.placeName.trim(), description } });
      void message.success(t('petitionSettings.intakePointSaved', { name: saved.placeName }));
      setEditing(null);
    } catch (error) {
      onError(error, form);
      if (isApiError(error, 'VERSION_CONFLICT')) setEditing(null);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
        <Typography.Text type="secondary">{t('petitionSettings.intakePointsHint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="intake-create">
          {t('petitionSettings.newIntakePoint')}
        </Button>
      </Flex>
      {points.isError && !points.data ? (
        <QueryError error={points.error} onRetry={() => void points.refetch()} />
      ) : (
        <Table<IntakePoint>
          rowKey="id"
          size="small"
          loading={points.isFetching}
          dataSource={points.data}
          pagination={false}
          scroll={{ x: 1400 }}
          data-testid="intake-table"
          locale={{ emptyText: points.isPending ? ' ' : <Empty description={t('petitionSettings.noIntakePoints')} /> }}
          columns={[
            {
              title: t('petitionSettings.placeName'),
              dataIndex: 'placeName',
              width: 220,
              render: (name: string, point) => (
                <Flex vertical gap={2}>
                  <Typography.Text strong data-testid={`intake-name-${point.code}`}>
                    {name}
                  </Typography.Text>
                  {point.description ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {point.description}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            { title: t('petitions.receivingBody'), dataIndex: 'organizationName', width: 180 },
            { title: t('petitionSettings.code'), dataIndex: 'code', width: 110, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
            {
              title: t('petitionSettings.url'),
              dataIndex: 'url',
              render: (url: string, point) => (
                <span style={{ wordBreak: 'break-all' }}>
                  <a href={url} target="_blank" rel="noreferrer" data-testid={`intake-url-${point.code}`}>
                    {url}
                  </a>{' '}
                  <Typography.Text copyable={{ text: url }} />
                </span>
              ),
            },
            { title: t('petitionSettings.submissionCount'), dataIndex: 'submissionCount', width: 90 },
            {
              title: t('field.status'),
              dataIndex: 'active',
              width: 80,
              render: (active: boolean) => (active ? <Tag color="success">{t('petitionSettings.active')}</Tag> : <Tag>{t('petitionSettings.inactive')}</Tag>),
            },
            { title: t('field.createdAt'), dataIndex: 'createdAt', width: 140, render: (value: string) => formatDateTime(value) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 240,
              fixed: 'right',
              render: (_value, point) => (
                <Flex gap={4} wrap>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', point })} data-testid={`intake-edit-${point.code}`}>
                    {t('action.edit')}
                  </Button>
                  <Button size="small" icon={<QrcodeOutlined />} href={intakePointQrUrl(point.id, 'png')} download={`${point.code}.png`} data-testid={`intake-qr-png-${point.code}`}>
                    PNG
                  </Button>
                  <Button size="small" icon={<DownloadOutlined />} href={intakePointQrUrl(point.id, 'svg')} download={`${point.code}.svg`} data-testid={`intake-qr-svg-${point.code}`}>
                    SVG
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      <FormModal<Values>
        open={editing !== null}
        title={editing?.mode === 'edit' ? t('petitionSettings.editIntakePoint') : t('petitionSettings.newIntakePoint')}
        form={form}
        onCancel={() => setEditing(null)}
        onFinish={onFinish}
        submitting={save.isPending}
        initialValues={
          editing?.mode === 'edit' ? { placeName: editing.point.placeName, description: editing.point.description ?? '', active: editing.point.active } : undefined
        }
        testId="intake-modal"
      >
        {editing?.mode === 'edit' ? (
          <Form.Item label={t('petitions.receivingBody')}>
            <Typography.Text>{editing.point.organizationName}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="organizationId"
            label={t('petitions.receivingBody')}
            extra={t('petitionSettings.receivingBodyHint')}
            rules={[{ required: true, message: t('validation.required', { field: t('petitions.receivingBody') }) }]}
          >
            <TreeSelect
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={organizationOptions}
              treeDefaultExpandAll
              loading={organizations.isLoading}
              placeholder={t('users.pickOrganization')}
              popupMatchSelectWidth={false}
              data-testid="intake-organization"
            />
          </Form.Item>
        )}
        <Form.Item name="placeName" label={t('petitionSettings.placeName')} rules={[required(t, t('petitionSettings.placeName')), maxLength(t, 60)]}>
          <Input maxLength={60} placeholder={t('petitionSettings.placeNameHint')} data-testid="intake-place" />
        </Form.Item>
        <Form.Item name="description" label={t('petitionSettings.placeDescription')} rules={[maxLength(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="intake-description" />
        </Form.Item>
        {editing?.mode === 'edit' ? (
          <Form.Item name="active" label={t('petitionSettings.active')} valuePropName="checked" extra={t('petitionSettings.inactiveHint')}>
            <Switch />
          </Form.Item>
        ) : null}
      </FormModal>
    </>
  );
}
