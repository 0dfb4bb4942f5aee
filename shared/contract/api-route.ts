import type * as z from '#kernel/zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An answer that is not JSON: a file or a feed, of this content type. */
export interface FileAnswer {
  readonly file: string;
}
/** An answer without a body (204). */
export interface EmptyAnswer {
  readonly empty: true;
}
/** What a route answers on success: a zod schema for JSON, or one of the above. */
export type Answer = z.ZodType | FileAnswer | EmptyAnswer;
export type SuccessStatus = 200 | 201 | 202 | 204;
export type Answers = { readonly [S in SuccessStatus]?: Answer };

export const file = (contentType: string): FileAnswer => ({ file: contentType });
export const empty: EmptyAnswer = { empty: true };

export const isFileAnswer = (answer: Answer | undefined): answer is FileAnswer =>
  typeof answer === 'object' && answer !== null && 'file' in answer;
export const isEmptyAnswer = (answer: Answer | undefined): answer is EmptyAnswer =>
  typeof answer === 'object' && answer !== null && 'empty' in answer;

/**
 * The error statuses a route may answer beyond those its kind implies: 400 for a route with input,
 * 415 for one with a body, 401 and 403 behind the login, and 500 anywhere. Every refusal carries
 * the error body (`ErrorBody` in errors.ts).
 */
export type Refusal = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503;

/** The parts of a request a route reads, each a zod schema; the handler gets them parsed. */
export interface RouteInput {
  readonly path?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
}

/** One route as the contract sees it: what goes in, what comes out. */
export interface ApiRouteDef {
  /** Stable identifier; the handler names it, the OpenAPI document uses it as operationId. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/api/students/{id}`. */
  readonly path: string;
  readonly input: RouteInput;
  readonly answers: Answers;
  readonly refusals: readonly Refusal[];
}

/** Declares a route; the `const` parameters keep every literal and schema type for the callers. */
export function route<
  const Id extends string,
  const M extends HttpMethod,
  const P extends string,
  const I extends RouteInput,
  const A extends Answers,
>(id: Id, method: M, path: P, input: I, answers: A, refusals: readonly Refusal[] = []) {
  return { id, method, path, input, answers, refusals };
}

/** The JSON answers of a route as its callers read them (`undefined` for 204, `Blob` for a file). */
export type AnswerBody<A extends Answers> = {
  [S in keyof A]: A[S] extends z.ZodType ? z.output<A[S]> : A[S] extends FileAnswer ? Blob : undefined;
}[keyof A];

type PartOf<S> = S extends z.ZodType ? z.input<S> : never;

/**
 * The input of a route as its callers give it: `{ path, query, body }`, only the parts it reads; a
 * part whose fields are all optional may be left out.
 */
export type InputOf<I extends RouteInput> = {
  [K in keyof I as I[K] extends z.ZodType
    ? Record<never, never> extends PartOf<I[K]>
      ? never
      : K
    : never]: PartOf<I[K]>;
} & {
  [K in keyof I as I[K] extends z.ZodType
    ? Record<never, never> extends PartOf<I[K]>
      ? K
      : never
    : never]?: PartOf<I[K]>;
};
