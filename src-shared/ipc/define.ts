import type { z } from 'zod';

/** One channel: the zod schema its input must pass, and (as a phantom) the type it returns. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  output: O;
}

/** Declares a channel's output type without a runtime value. */
export const returns = <O>(): O => undefined as O;

export const channel = <I extends z.ZodType, O>(input: I, output: O): ChannelSpec<I, O> => ({
  input,
  output,
});
