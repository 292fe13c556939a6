/** The notification inbox's public entry (站内信): the service, the channel port, the feed's rules. */
export { NotificationService } from './notification.service.ts';
export type { NotificationDeps } from './notification.service.ts';
export { NOTIFICATION_FEED } from './notification-feed.rules.ts';
export type { NotificationDraft } from './notification-feed.rules.ts';
export type * from './notification-channel.port.ts';
export type * from './notifications.repository.ts';
export type * from './notifications.types.ts';
