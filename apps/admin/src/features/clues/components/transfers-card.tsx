import { Link } from 'react-router';
import { clueTransferModeLabels, clueTransferStatusLabels, type ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { TransfersCard as SharedTransfersCard, TransferStatusTag } from '../../../shared/ui/transfers-card.tsx';
import { ClueStatusTag } from './clue-status-tag.tsx';

/**
 * Where this clue went (移送, 交办, 转办): each receiving commission with the state of its own clue right now, so the
 * sender follows it at every moment; and where this clue came from.
 */
export function TransfersCard({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  return (
    <SharedTransfersCard
      ns="clues"
      testIdPrefix="clue"
      cellTestIdPrefix="clue-"
      transfersOut={clue.transfersOut}
      transferIn={clue.transferIn}
      modeTitle={t('clues.transferMode')}
      receivingTitle={t('clues.receivingClueStatus')}
      modeLabel={(transfer) => enumLabel(clueTransferModeLabels, transfer.mode, locale)}
      statusLabel={(status) => enumLabel(clueTransferStatusLabels, status, locale)}
      expectsReport={(transfer) => transfer.mode !== 'forward'}
      // The receiving clue is in the other ledger: the link only opens where it is in scope; the server answers 404 otherwise.
      receiving={(transfer) =>
        transfer.toClueStatus ? (
          <Link to={`/clues/${transfer.toClueId}`}>
            <ClueStatusTag status={transfer.toClueStatus} />
          </Link>
        ) : null
      }
      transferInItems={(transfer) => [
        {
          key: 'status',
          label: t('clues.transferStatus'),
          children: <TransferStatusTag status={transfer.status} label={enumLabel(clueTransferStatusLabels, transfer.status, locale)} />,
        },
        ...(transfer.returnReason ? [{ key: 'reason', label: t('clues.returnReason'), span: 'filled' as const, children: transfer.returnReason }] : []),
      ]}
    />
  );
}
