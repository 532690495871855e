import { Link } from 'react-router';
import { Tag } from 'antd';
import { handlingModeLabels, transferStatusLabels, type PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { TransfersCard as SharedTransfersCard } from '../../../shared/ui/transfers-card.tsx';
import { PetitionStatusTag } from './petition-status-tag.tsx';

/**
 * Where this record went (assigned, forwarded, sent up, joint): each receiving body with the state of its own
 * record right now, so the sender sees the state at every moment; and where this record came from.
 */
export function TransfersCard({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  return (
    <SharedTransfersCard
      ns="petitions"
      testIdPrefix="petition"
      cellTestIdPrefix=""
      transfersOut={petition.transfersOut}
      transferIn={petition.transferIn}
      modeTitle={t('petitions.handlingMode')}
      receivingTitle={t('petitions.receivingRecordStatus')}
      modeLabel={(transfer) => enumLabel(handlingModeLabels, transfer.mode, locale)}
      statusLabel={(status) => enumLabel(transferStatusLabels, status, locale)}
      expectsReport={(transfer) => transfer.reportBackRequired}
      // The receiving record belongs to the other body: a link only helps where it is in scope; the server answers 404 otherwise.
      receiving={(transfer) =>
        transfer.toPetitionStatus === null ? null : transfer.toPetitionId ? (
          <Link to={`/petitions/${transfer.toPetitionId}`}>
            <PetitionStatusTag status={transfer.toPetitionStatus} />
          </Link>
        ) : (
          <PetitionStatusTag status={transfer.toPetitionStatus} />
        )
      }
      transferInItems={(transfer) => [
        {
          key: 'report',
          label: t('petitions.reportBack'),
          children: transfer.reportBackRequired ? <Tag color="orange">{t('petitions.reportBackRequired')}</Tag> : t('common.no'),
        },
      ]}
    />
  );
}
