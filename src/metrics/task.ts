/** The three kinds of model ml-gate evaluates; every metric, state and document names one. */
export type Task = 'binary' | 'multiclass' | 'regression'
