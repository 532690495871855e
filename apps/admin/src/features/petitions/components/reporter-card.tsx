import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import type { PetitionDetail, ReporterIdentity } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useReadReporterIdentity } from '../petitions.api.ts';

/**
 * Who reported: only 匿名 or 实名(已密封). A granted officer may unseal the identity, giving a reason that is
 * audit-logged; the identity is shown once in a dialog and not kept anywhere in the page.
 */
export function ReporterCard({ petition }: { petition: PetitionDetail }) {
  const { t, lt } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [asking, setAsking] = useState(false);
  const [identity, setIdentity] = useState<ReporterIdentity | null>(null);
  const read = useReadReporterIdentity(petition.id);
  const onError = useApiErrorHandler();

  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      setIdentity(await read.mutateAsync(reason.trim()));
      setAsking(false);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <Card size="small" title={t('petitions.section.reporter')} data-testid="petition-reporter">
      <Flex gap={8} align="center" wrap>
        <Tag icon={petition.anonymous ? undefined : <LockOutlined />} color={petition.anonymous ? 'default' : 'blue'} data-testid="petition-reporter-label">
          {lt(petition.reporterLabel)}
        </Tag>
        {petition.repeatReporterCount > 0 ? (
          <Tag color="orange" data-testid="petition-repeat-reporter">
            {t('petitions.repeatReporter', { count: petition.repeatReporterCount })}
          </Tag>
        ) : null}
        {petition.canReadReporterIdentity ? (
          <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="reveal-identity">
            {t('petitions.revealIdentity')}
          </Button>
        ) : null}
      </Flex>

      <FormModal<{ reason: string }>
        open={asking}
        title={t('petitions.revealIdentity')}
        form={form}
        onCancel={() => setAsking(false)}
        onFinish={onFinish}
        submitting={read.isPending}
        okText={t('petitions.revealSubmit')}
        testId="reveal-modal"
      >
        <Alert type="warning" showIcon title={t('petitions.revealWarning')} style={{ marginBottom: 16 }} />
        <Form.Item
          name="reason"
          label={t('petitions.revealReason')}
          rules={[required(t, t('petitions.revealReason')), { min: 2, message: t('validation.minLength', { min: 2 }) }, maxLength(t, 200)]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus data-testid="reveal-reason" />
        </Form.Item>
      </FormModal>

      <Modal
        open={identity !== null}
        title={t('petitions.identityTitle')}
        onCancel={() => setIdentity(null)}
        footer={<Button onClick={() => setIdentity(null)}>{t('action.close')}</Button>}
        destroyOnHidden
        data-testid="identity-modal"
      >
        {identity ? (
          <>
            <Typography.Paragraph type="secondary">{t('petitions.identityLogged')}</Typography.Paragraph>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('petitions.reporterName'), children: identity.name },
                { key: 'phone', label: t('petitions.reporterPhone'), children: identity.phone },
                { key: 'id', label: t('petitions.reporterIdNumber'), children: identity.idNumber ?? '—' },
                { key: 'email', label: t('petitions.reporterEmail'), children: identity.email ?? '—' },
                { key: 'unit', label: t('petitions.reporterWorkUnit'), children: identity.workUnit ?? '—' },
                { key: 'address', label: t('petitions.reporterAddress'), children: identity.address ?? '—' },
                ...(identity.politicalStatus ? [{ key: 'political', label: t('petitions.reporterPoliticalStatus'), children: identity.politicalStatus }] : []),
              ]}
            />
          </>
        ) : null}
      </Modal>
    </Card>
  );
}
