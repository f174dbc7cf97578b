/*
 * Everything past the connect screen, in one chunk loaded on the first Watch or "Show my bots":
 * the dashboard, the bots list and the wall share most of their code (the feed, the store, the
 * API client), and as separate chunks that code went into shared chunks of its own, which cost
 * more gzip than the wall alone weighs. The tools inside the dashboard stay chunks of their own.
 */
export { Dashboard } from './dashboard/dashboard';
export { BotsInMeetings } from '../features/my-bots/bots-in-meetings';
export { MeetingWall } from '../features/my-bots/meeting-wall';
export { SharedView } from './shared-view';
export { ShareLinkButton } from '../features/share/share-link-button';
export { SeriesEntry } from './series-entry';
