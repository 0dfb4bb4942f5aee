import type { EstimateStrength, StrengthEstimate } from './password-rule';

let loading: Promise<EstimateStrength> | undefined;

/**
 * zxcvbn-ts with the common, Dutch/Belgian and English dictionaries and Dutch feedback. The
 * dictionaries are large (about 1.5 MB), so they load on first use only: in the browser when a
 * password field appears, on the server in the few handlers that set a password.
 */
export function loadStrengthEstimator(): Promise<EstimateStrength> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, nl, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-nl-be'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      // The Belgian package predates core 4; its Dutch feedback texts still fit core 4's keys.
      translations: nl.translations as never,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
    });
    return (password: string, userInputs: string[]): StrengthEstimate => {
      const result = zxcvbn.check(password, userInputs);
      return {
        score: result.score as StrengthEstimate['score'],
        warning: result.feedback.warning ?? null,
        suggestions: result.feedback.suggestions ?? [],
      };
    };
  })().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
