import { notFoundPage } from './not-found.js';

export function accountPage(ctx, args) {
  return notFoundPage(ctx, args);
}
