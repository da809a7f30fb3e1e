import { notFoundPage } from './not-found.js';

export const signInPage = (ctx, args) => notFoundPage(ctx, args);
export const signUpPage = (ctx, args) => notFoundPage(ctx, args);
