// @azure/functions is a CommonJS bundle: from native ESM only `app` is a named export
// (azure-functions-nodejs-library#287), so the classes come through the default export.
import functions from '@azure/functions';

export const { app, HttpResponse, HttpRequest, InvocationContext, output } = functions;
export type { HttpRequest as HttpRequestType, HttpResponseInit, InvocationContext as InvocationContextType, Timer } from '@azure/functions';
