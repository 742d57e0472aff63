// Notifications: the contract's notifications.* methods over the notifier (src-main/platform/notifier).
export { notificationHandlers } from './handlers';
