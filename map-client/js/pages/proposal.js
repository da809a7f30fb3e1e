import { notFoundPage } from './not-found.js';

export function proposalPage(ctx, args) {
  return notFoundPage(ctx, args);
}
