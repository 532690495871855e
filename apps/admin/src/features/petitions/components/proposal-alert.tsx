import { Alert, Descriptions, Tag } from 'antd';
import { handlingModeLabels, type PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';

/** The proposal (拟办意见) a leader is asked to approve: mode, receiving bodies, opinion, who and when. */
export function ProposalAlert({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const { proposal } = petition;
  if (!proposal) return null;
  const pending = petition.status === 'proposal_pending';
  return (
    <Alert
      type={pending ? 'warning' : 'info'}
      showIcon
      data-testid="petition-proposal"
      title={pending ? t('petitions.proposalPending') : t('petitions.proposal')}
      description={
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'mode',
              label: t('petitions.handlingMode'),
              children: (
                <Tag color="gold" data-testid="proposal-mode">
                  {enumLabel(handlingModeLabels, proposal.mode, locale)}
                </Tag>
              ),
            },
            {
              key: 'targets',
              label: t('petitions.receivingBody'),
              children: proposal.targetOrganizationNames.length ? <span data-testid="proposal-targets">{proposal.targetOrganizationNames.join(locale === 'en' ? ', ' : '、')}</span> : '—',
            },
            { key: 'opinion', label: t('petitions.opinion'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.opinion}</span> },
            { key: 'by', label: t('petitions.proposedBy'), children: `${proposal.proposedBy} · ${formatDateTime(proposal.proposedAt)}` },
          ]}
        />
      }
    />
  );
}
