import { ComingSoon } from '../../shared/coming-soon.tsx';

export function ReportPage() {
  return <ComingSoon title="report.title" what="report.what" showHotline />;
}
