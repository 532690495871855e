import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import { documentKindMarks, type DocumentKind, type documentPlaceholders } from '@guantong/contracts';
import { chinaNow } from '../../../shared/format.ts';
import { useT } from '../../../shared/i18n.tsx';

// The server's pattern (document-templates.ts, fillTemplate): a placeholder is one to twenty characters in braces.
const PLACEHOLDER = /\{([^{}]{1,20})\}/g;

/** Made-up values (the issuing body, 发文机关, is the body whose wording is edited). */
export const sampleValues: { [K in DocumentKind]: Record<Exclude<keyof (typeof documentPlaceholders)[K], '发文机关'>, string> } = {
  inquiry_letter: {
    被反映人: '张某',
    任职情况: '在任清源市某局局长期间',
    线索编号: 'XS2026-00012',
    反映问题: '违规收受管理服务对象礼品礼金，在干部选拔任用中为他人谋取利益。',
  },
  filing_decision: {
    被审查调查人: '张某',
    单位职务: '清源市某局局长',
    立案编号: 'LA2026-00003',
    主要问题: '违规收受管理服务对象礼品礼金，利用职务便利为他人在工程承揽方面谋取利益。',
  },
  sanction_decision: {
    被处分人: '张某',
    单位职务: '清源市某局局长',
    违纪违法事实: '张某违反中央八项规定精神，收受管理服务对象礼品礼金共计人民币3万元。',
    处分: '党内严重警告、政务记过',
    影响期: '党内严重警告影响期自2026-03-01至2027-08-31；政务记过影响期自2026-03-01至2027-02-28。',
  },
};

export interface PreviewWording {
  title: string;
  recipient: string;
  paragraphs: string[];
}

const paper = {
  background: '#fff',
  border: '1px solid #e5e7eb',
  boxShadow: '0 2px 8px rgba(15, 36, 64, 0.08)',
  padding: '40px 44px',
  fontFamily: 'FangSong, STFangsong, "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  fontSize: 16,
  lineHeight: 1.9,
  color: '#1f1f1f',
  wordBreak: 'break-word' as const,
};
const line = { margin: 0 };

/**
 * A sheet laid out as the Word file is (documents.service.ts, renderDocument): centred title, number line,
 * salutation, indented paragraphs, then the issuing body and the date on the right. Placeholders are filled with
 * the sample values (marked); unknown ones stay as written, in red, as they would be printed.
 */
export function DocumentTemplatePreview({ kind, wording, issuer }: { kind: DocumentKind; wording: PreviewWording; issuer: string }) {
  const t = useT();
  const values: Record<string, string> = { ...sampleValues[kind], 发文机关: issuer };
  const today = chinaNow();

  const fill = (text: string): ReactNode[] => {
    const parts: ReactNode[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const index = match.index ?? 0;
      if (index > last) parts.push(text.slice(last, index));
      const key = match[1];
      parts.push(
        Object.hasOwn(values, key) ? (
          <Tooltip key={index} title={match[0]}>
            <span style={{ background: '#e6f4ff', borderRadius: 2 }}>{values[key]}</span>
          </Tooltip>
        ) : (
          <span key={index} style={{ color: '#cf1322', textDecoration: 'underline wavy' }} data-testid="doc-template-preview-unknown">
            {match[0]}
          </span>
        ),
      );
      last = index + match[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  };

  return (
    <div style={paper} data-testid="doc-template-preview" aria-label={t('documentTemplates.preview')}>
      <p
        style={{ ...line, textAlign: 'center', fontFamily: 'SimHei, "黑体", "Noto Sans CJK SC", sans-serif', fontSize: 22, marginBottom: 10 }}
        data-testid="doc-template-preview-title"
      >
        {fill(wording.title)}
      </p>
      <p style={{ ...line, textAlign: 'center' }}>{`${issuer.slice(0, 1)}纪${documentKindMarks[kind]}〔${today.year()}〕12号`}</p>
      {wording.recipient.trim() ? <p style={line} data-testid="doc-template-preview-recipient">{fill(wording.recipient.trim())}：</p> : null}
      {wording.paragraphs.map((paragraph, index) => (
        <p key={index} style={{ ...line, textIndent: '2em' }} data-testid={`doc-template-preview-paragraph-${index}`}>
          {fill(paragraph)}
        </p>
      ))}
      <p style={line}>&nbsp;</p>
      <p style={{ ...line, textAlign: 'right' }}>{issuer}</p>
      <p style={{ ...line, textAlign: 'right' }}>{`${today.year()}年${today.month() + 1}月${today.date()}日`}</p>
    </div>
  );
}
