/**
 * 弹幕: accepted chat flies right to left across the video in lanes (round-robin), each line removed when its
 * animation ends. Only chat that arrives while the overlay is on is shown; at most MAX_FLYING lines at a time so a
 * busy room cannot flood the page.
 */
import { useEffect, useRef, useState } from 'react';
import type { FeedItem } from './use-room.ts';

const MAX_FLYING = 40;

interface Flying {
  key: string;
  text: string;
  lane: number;
  own: boolean;
}

export function DanmakuOverlay({
  feed,
  enabled,
  selfId,
  lanes = 5,
}: {
  feed: FeedItem[];
  enabled: boolean;
  selfId: string | null;
  lanes?: number;
}) {
  const [flying, setFlying] = useState<Flying[]>([]);
  const lastSeq = useRef<number | null>(null);
  const nextLane = useRef(0);

  useEffect(() => {
    const chats = feed.filter((f): f is Extract<FeedItem, { kind: 'chat' }> => f.kind === 'chat');
    const newest = chats.at(-1)?.seq ?? 0;
    const since = lastSeq.current;
    lastSeq.current = Math.max(since ?? 0, newest);
    if (!enabled) return;
    const fresh = chats.filter((c) => since === null || c.seq > since);
    if (fresh.length === 0) return;
    setFlying((list) =>
      [
        ...list,
        ...fresh.map((c) => {
          const lane = nextLane.current % lanes;
          nextLane.current += 1;
          return { key: c.key, text: c.text, lane, own: c.uid === selfId };
        }),
      ].slice(-MAX_FLYING),
    );
  }, [feed, enabled, selfId, lanes]);

  useEffect(() => {
    if (!enabled) setFlying([]);
  }, [enabled]);

  // a message the streamer deleted leaves the screen too
  const present = new Set(feed.map((f) => f.key));
  return (
    <div className="lh-danmaku" aria-hidden="true" data-testid="danmaku">
      {flying
        .filter((d) => present.has(d.key))
        .map((d) => (
          <span
            key={d.key}
            className={`lh-danmaku-item${d.own ? ' lh-danmaku-own' : ''}`}
            style={{ top: `${d.lane * 32}px` }}
            data-testid="danmaku-item"
            onAnimationEnd={() => setFlying((list) => list.filter((x) => x.key !== d.key))}
          >
            {d.text}
          </span>
        ))}
    </div>
  );
}
