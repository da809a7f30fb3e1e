import { notFoundPage } from './not-found.js';

export function newProposalPage(ctx, args) {
  return notFoundPage(ctx, args);
}
