import { Link, useSearchParams } from 'react-router';
import { Card, Col, DatePicker, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EndpointResponse } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { chinaNow, formatDateTime } from '../../../shared/format.ts';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useMonthReviews, useMonthReviewSummary } from '../cases.api.ts';

type Review = EndpointResponse<'listCaseReviews'>[number];
type Summary = EndpointResponse<'caseReviewSummary'>;
type ItemRow = Summary['byItem'][number];
type ProblemRow = Summary['problems'][number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A share (0–1) as a whole percentage bar; "—" without reviews. */
export function PercentBar({ value }: { value: number | null }) {
  // Below 60% is a failing score: red, still with its figure.
  return value === null ? <span>—</span> : <Progress percent={Math.round(value * 1000) / 10} size="small" status="normal" strokeColor={value < 0.6 ? '#cf1322' : undefined} />;
}

/**
 * 案件质量评查 by month: how many cases were reviewed and their average score, each checklist item with its average and
 * the number of problems found, the problems themselves, and the month's reviews.
 */
export function CaseReviewsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = params.get('month');
  const month = requested && MONTH.test(requested) ? requested : chinaNow().format('YYYY-MM');
  const summary = useMonthReviewSummary(month);
  const reviews = useMonthReviews(month);

  return (
    <PageContainer
      title={t('menu.caseReviews')}
      description={t('reviews.description')}
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(value) => setParams(value ? { month: value.format('YYYY-MM') } : {})}
          disabledDate={(date) => date.isAfter(chinaNow(), 'month')}
          aria-label={t('reviews.month')}
          data-testid="review-month"
        />
      }
    >
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small" loading={summary.isPending}>
                <Statistic title={t('reviews.count')} value={summary.data?.reviews ?? 0} data-testid="review-count" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" loading={summary.isPending}>
                <Statistic
                  title={t('reviews.averagePercent')}
                  value={summary.data?.averagePercent === null || !summary.data ? '—' : (summary.data.averagePercent * 100).toFixed(1)}
                  suffix={summary.data?.averagePercent === null ? undefined : '%'}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" loading={summary.isPending}>
                <Statistic title={t('reviews.problemCount')} value={summary.data?.problems.length ?? 0} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('reviews.byItem')}>
            <Table<ItemRow>
              rowKey="key"
              size="small"
              pagination={false}
              loading={summary.isPending}
              dataSource={summary.data?.byItem}
              locale={{ emptyText: t('reviews.empty') }}
              columns={[
                { title: t('reviews.item'), dataIndex: 'label' },
                { title: t('reviews.count'), dataIndex: 'reviews', width: 100 },
                { title: t('reviews.averagePercent'), dataIndex: 'averagePercent', width: 220, render: (value: number | null) => <PercentBar value={value} /> },
                { title: t('reviews.problemCount'), dataIndex: 'problems', width: 110 },
              ]}
            />
          </Card>
          <Card size="small" title={t('reviews.problems')}>
            <Table<ProblemRow>
              rowKey={(row) => `${row.caseId}-${row.item}-${row.problem}`}
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              loading={summary.isPending}
              dataSource={summary.data?.problems}
              locale={{ emptyText: t('reviews.noProblems') }}
              data-testid="review-problems"
              columns={[
                { title: t('cases.caseNumber'), dataIndex: 'caseNumber', width: 130, render: (caseNumber: string, row) => <Link to={`/cases/${row.caseId}`}>{caseNumber}</Link> },
                { title: t('reviews.item'), dataIndex: 'item', width: 180 },
                { title: t('reviews.problem'), dataIndex: 'problem', render: (problem: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{problem}</span> },
                { title: t('reviews.reviewer'), dataIndex: 'reviewerName', width: 110 },
              ]}
            />
          </Card>
          <Card size="small" title={t('reviews.monthReviews')}>
            {reviews.isError ? (
              <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
            ) : (
              <Table<Review>
                rowKey="id"
                size="small"
                loading={reviews.isPending}
                dataSource={reviews.data}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: t('reviews.empty') }}
                data-testid="review-table"
                expandable={{
                  expandedRowRender: (review) => (
                    <Flex vertical gap={4}>
                      {review.scores.map((score) => (
                        <Typography.Text key={score.key}>
                          {score.label}: {score.score} / {score.maxScore}
                          {score.problem ? <Typography.Text type="danger"> · {score.problem}</Typography.Text> : null}
                        </Typography.Text>
                      ))}
                    </Flex>
                  ),
                }}
                columns={[
                  { title: t('cases.caseNumber'), dataIndex: 'caseNumber', width: 130, render: (caseNumber: string, review) => <Link to={`/cases/${review.caseId}`}>{caseNumber}</Link> },
                  { title: t('reviews.checklist'), dataIndex: 'checklistName' },
                  { title: t('reviews.reviewer'), dataIndex: 'reviewerName', width: 110 },
                  {
                    title: t('reviews.score'),
                    key: 'score',
                    width: 220,
                    render: (_value, review) => (
                      <Flex gap={8} align="center">
                        <span style={{ whiteSpace: 'nowrap' }}>
                          {review.totalScore} / {review.maxScore}
                        </span>
                        <PercentBar value={review.maxScore ? review.totalScore / review.maxScore : null} />
                      </Flex>
                    ),
                  },
                  { title: t('reviews.reviewedAt'), dataIndex: 'reviewedAt', width: 140, render: (value: string) => formatDateTime(value) },
                ]}
              />
            )}
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}
