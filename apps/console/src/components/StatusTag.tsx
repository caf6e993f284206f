// A status in a list: a coloured dot and the text in the normal text colour (Ant Design's coloured tags
// put green or blue text on a pale ground, below WCAG AA contrast).
import { Badge } from 'antd';
import type { ReactNode } from 'react';

const STATUS = {
  green: 'success',
  blue: 'processing',
  red: 'error',
  orange: 'warning',
  default: 'default',
} as const;

export function StatusTag({ tone, children }: { tone: keyof typeof STATUS; children: ReactNode }) {
  return <Badge status={STATUS[tone]} text={children} />;
}
