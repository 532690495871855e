import { Card, Flex, Steps } from 'antd';
import type { CaseDetail } from '@guantong/contracts';
import { useI18n, type MessageKey } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { WrittenRecords } from '../../../shared/ui/written-records.tsx';

// The three-level responsibility for the investigation report: the handler submits it (承办人负首责), the group leader
// reviews it (组长审核把关), the group meeting studies it and sends it to the hearing (组务会集体研究).
const signOffs: { action: string; label: MessageKey }[] = [
  { action: 'submitInvestigationReport', label: 'cases.signOff.handler' },
  { action: 'approveReport', label: 'cases.signOff.leader' },
  { action: 'transferToHearing', label: 'cases.signOff.meeting' },
];

/**
 * The written steps of the case: the three sign-offs of the current investigation report (who signed and when; a
 * report sent back starts a new round), then every report, opinion and decision as the file reads, oldest first.
 */
export function RecordsCard({ found }: { found: CaseDetail }) {
  const { t } = useI18n();
  // The round starts with the latest submission; sign-offs before it were for a report that went back.
  const lastSubmission = found.events.map((event) => event.action).lastIndexOf('submitInvestigationReport');
  const round = lastSubmission < 0 ? [] : found.events.slice(lastSubmission);
  const signed = signOffs.map((step) => ({ ...step, event: round.find((event) => event.action === step.action) ?? null }));
  const current = signed.findIndex((step) => !step.event);

  return (
    <Card size="small" title={t('cases.section.records')} data-testid="case-records">
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={current < 0 ? signed.length : current}
          data-testid="case-sign-offs"
          items={signed.map((step) => ({
            title: t(step.label),
            status: step.event ? 'finish' : 'wait',
            content: step.event ? (
              <span data-testid={`case-sign-off-${step.action}`}>
                {step.event.actorName ?? t('users.system')}
                <br />
                {formatDateTime(step.event.createdAt)}
              </span>
            ) : (
              t('cases.signOff.pending')
            ),
          }))}
        />
        <WrittenRecords workflow="case" records={found.records} emptyText={t('cases.noRecords')} itemTestId="case-record" />
      </Flex>
    </Card>
  );
}
