/**
 * Text with its screening hits marked. Hit offsets are UTF-16 [start, end) into the text (what String#slice uses);
 * overlapping hits are merged into one mark whose tooltip lists every hit under it.
 */
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import type { ScreeningHit } from '../lib/api-types.ts';
import { categoryLabel, SEVERITY_STYLE } from '../pages/compliance/compliance-labels.tsx';

interface HitGroup {
  start: number;
  end: number;
  /** hits with their 1-based number in the original hit list */
  hits: Array<{ hit: ScreeningHit; index: number }>;
}

export function groupHits(text: string, hits: readonly ScreeningHit[]): HitGroup[] {
  const valid = hits
    .map((hit, i) => ({
      hit,
      index: i + 1,
      start: Math.max(0, Math.min(hit.start, text.length)),
      end: Math.max(0, Math.min(hit.end, text.length)),
    }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: HitGroup[] = [];
  for (const h of valid) {
    const last = groups[groups.length - 1];
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      last.hits.push({ hit: h.hit, index: h.index });
    } else {
      groups.push({ start: h.start, end: h.end, hits: [{ hit: h.hit, index: h.index }] });
    }
  }
  return groups;
}

export function HighlightedText({
  text,
  hits,
  numbered = false,
  testId,
  size = 'default',
}: {
  text: string;
  hits: readonly ScreeningHit[];
  /** show each hit's number next to its mark (matches the numbered hit list) */
  numbered?: boolean;
  testId?: string;
  size?: 'default' | 'large';
}) {
  const { t } = useI18n();
  const groups = groupHits(text, hits);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const group of groups) {
    if (group.start > cursor) parts.push(text.slice(cursor, group.start));
    const severity = Math.max(...group.hits.map((h) => h.hit.severity));
    const style = SEVERITY_STYLE[severity] ?? SEVERITY_STYLE[1];
    const first = group.hits[0]?.hit;
    parts.push(
      <Tooltip
        key={`${group.start}-${group.end}`}
        title={
          <div className="lh-hit-tooltip">
            {group.hits.map(({ hit, index }) => (
              <div key={`${index}-${hit.rule}`}>
                <strong>
                  {numbered ? `#${index} ` : ''}
                  {hit.rule}
                </strong>{' '}
                · {categoryLabel(t, hit.category)}
                <div style={{ opacity: 0.85 }}>
                  {t('review.basis')}: {hit.basis}
                </div>
              </div>
            ))}
          </div>
        }
      >
        <mark
          className="lh-hit-mark"
          data-testid="hit-mark"
          data-rule={first?.rule}
          data-category={first?.category}
          data-severity={severity}
          style={{ background: style?.mark, borderBottomColor: style?.border }}
        >
          {text.slice(group.start, group.end)}
          {numbered ? (
            <sup className="lh-hit-index" style={{ background: style?.border }}>
              {group.hits
                .map((h) => h.index)
                .sort((a, b) => a - b)
                .join(',')}
            </sup>
          ) : null}
        </mark>
      </Tooltip>,
    );
    cursor = group.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return (
    <span className={size === 'large' ? 'lh-review-text lh-review-text-large' : 'lh-review-text'} data-testid={testId}>
      {parts}
    </span>
  );
}
