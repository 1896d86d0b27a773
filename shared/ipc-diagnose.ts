/** AADSTS diagnostics channels (issue 5). */
export const diagnoseChannels = {} as const;
