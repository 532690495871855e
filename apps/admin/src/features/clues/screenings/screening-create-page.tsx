import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { ClueSummary } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength, textRules } from '../../../shared/form-rules.ts';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { ClueLedgerTable, useClueListParams } from '../components/clue-ledger.tsx';
import { useCreateScreening } from '../clues.api.ts';

const MAX_CLUES = 500;

interface Values {
  title: string;
  note?: string;
}

/**
 * 发起集中排查: the leader picks clues of one ledger from the ledger itself (same filters, selections kept across pages
 * and filters), names the batch, and starts it; reviewers are then assigned clue by clue on the batch's page.
 */
export function ScreeningCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const params = useClueListParams();
  const create = useCreateScreening();
  const [selected, setSelected] = useState<string[]>([]);
  const [picked, setPicked] = useState<Map<string, ClueSummary>>(new Map());
  // A batch covers the clues of one ledger (the server refuses a mix).
  const ledgers = new Set([...picked.values()].map((clue) => clue.ledgerOrganizationId));

  const onFinish = async (values: Values) => {
    try {
      const screening = await create.mutateAsync({ title: values.title.trim(), ...(values.note?.trim() ? { note: values.note.trim() } : {}), clueIds: selected });
      void message.success(t('screenings.created', { title: screening.title }));
      navigate(`/clue-screenings/${screening.id}`, { replace: true });
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <PageContainer title={t('screenings.create')} description={t('screenings.createDescription')}>
      <Flex vertical gap={16}>
        <Card size="small" title={t('screenings.pickClues', { count: selected.length })}>
          <ClueLedgerTable
            view={params}
            testIdPrefix="screening-clue"
            testId="screening-clue-table"
            size="small"
            rowSelection={{
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              onChange: (keys, rows) => {
                const ids = keys.map(String);
                setSelected(ids);
                setPicked((known) => {
                  const next = new Map<string, ClueSummary>();
                  for (const id of ids) {
                    // Rows of other pages come back undefined: keep what was known of them.
                    const row = rows.find((candidate) => candidate?.id === id) ?? known.get(id);
                    if (row) next.set(id, row);
                  }
                  return next;
                });
              },
              getCheckboxProps: () => ({ 'aria-label': t('screenings.pickClue') }),
            }}
          />
        </Card>
        <Card size="small" title={t('screenings.batch')}>
          <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="screening-form">
            <Form.Item name="title" label={t('screenings.titleField')} rules={textRules(t, t('screenings.titleField'), 80)} extra={t('screenings.titleHint')}>
              <Input maxLength={80} showCount data-testid="screening-title" />
            </Form.Item>
            <Form.Item name="note" label={t('screenings.note')} rules={[maxLength(t, 2000)]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            {ledgers.size > 1 ? <Alert type="warning" showIcon title={t('screenings.oneLedger')} style={{ marginBottom: 16 }} /> : null}
            {selected.length > MAX_CLUES ? <Alert type="warning" showIcon title={t('screenings.tooMany', { max: MAX_CLUES })} style={{ marginBottom: 16 }} /> : null}
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text type="secondary">{t('screenings.selected', { count: selected.length })}</Typography.Text>
              <Flex gap={8}>
                <Button onClick={() => navigate('/clue-screenings')}>{t('action.cancel')}</Button>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={create.isPending}
                  disabled={selected.length === 0 || selected.length > MAX_CLUES || ledgers.size > 1}
                  data-testid="screening-submit"
                >
                  {t('screenings.start')}
                </Button>
              </Flex>
            </Flex>
          </Form>
        </Card>
      </Flex>
    </PageContainer>
  );
}
