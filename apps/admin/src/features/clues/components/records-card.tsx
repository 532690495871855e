import { Card, Tag } from 'antd';
import { inquiryMethodLabels, verificationRecommendationLabels, type ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { WrittenRecords } from '../../../shared/ui/written-records.tsx';

/** The written record of each step (谈话记录, 函询, 书面说明, 报告, 处理意见, 反馈), oldest first, as the file reads. */
export function RecordsCard({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('clues.section.records')} data-testid="clue-records">
      <WrittenRecords
        workflow="clue"
        records={clue.records}
        emptyText={t('clues.noRecords')}
        itemTestId="clue-record"
        tags={(record) => (
          <>
            {record.inquiryMethod ? <Tag color="blue">{enumLabel(inquiryMethodLabels, record.inquiryMethod, locale)}</Tag> : null}
            {record.recommendation ? (
              <Tag color="gold" title={t('clues.recommendation')}>
                {enumLabel(verificationRecommendationLabels, record.recommendation, locale)}
              </Tag>
            ) : null}
          </>
        )}
      />
    </Card>
  );
}
