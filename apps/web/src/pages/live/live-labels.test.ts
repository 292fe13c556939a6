/**
 * Room refusals in the page's language: a code this page knows reads as its own text; a code newer than the page
 * falls back to the half of the server's "中文 / English" message for the locale, never to both halves at once.
 */
import type { Locale } from '@livehub/contracts';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/index.ts';
import { roomErrorMessage } from './live-labels.tsx';

const say = (locale: Locale, code: string, message: string) =>
  roomErrorMessage((key, params) => translate(locale, key, params), locale, code, message);

describe('roomErrorMessage', () => {
  it('maps a known code through the page’s own texts', () => {
    expect(say('zh-CN', 'room.slow_mode', '慢速模式：请稍后再发言 / Slow mode: wait before sending again')).toBe(
      '慢速模式中，请稍后再发言',
    );
    expect(say('en-US', 'room.slow_mode', '慢速模式：请稍后再发言 / Slow mode: wait before sending again')).toBe(
      'Slow mode: wait before sending again',
    );
  });

  it('shows the locale’s half of an unknown code’s message', () => {
    const message = '限时秒杀已结束 / The flash sale is over';
    expect(say('zh-CN', 'room.sale_over', message)).toBe('限时秒杀已结束');
    expect(say('en-US', 'room.sale_over', message)).toBe('The flash sale is over');
    // a message with one language only reads as it is
    expect(say('en-US', 'room.other', 'Something went wrong')).toBe('Something went wrong');
  });
});
