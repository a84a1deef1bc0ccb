
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's147c50e9d2ddc583': str`The data could not be updated. Showing the data as of ${0}.`,
's183c0f893eacc713': `Once your device is connected again, you can try again.`,
's210c1d9b723157e4': `The request could not be processed.`,
's29dc0429d1bd2654': `The data was not found.`,
's2f8339bc68bedb78': `Something went wrong.`,
's3ebf77ecb8290977': `The address of the data service is missing or invalid. Please contact the operators of this website.`,
's3f9321870aab1626': `The data cannot be reached right now.`,
's4762c7e88c2932de': `The service is very busy right now.`,
's4ced11eed32782f9': `An error occurred on the server.`,
's4f76fa3bef468dbe': `Please try again later.`,
's5beeeae59fb29221': `You are offline.`,
's6f2c7f218c7da74e': str`Please try again ${0}.`,
's7de2fb9fd224a787': `It may have been removed. Please try again later.`,
's85fa5a2bf395e428': `This content is not set up correctly.`,
's89e671fe171a9e1d': str`You are offline. Showing the data as of ${0}.`,
's924535ebf58b9d7f': `Try again`,
's9d81c83763f2be88': `Please check your internet connection and try again.`,
'sb2246a8686ca9805': `Close`,
'sc5f999a9956a8c6a': `Please try again. If the error persists, please contact the operators of this website.`,
'sd66b582b15fa635f': `Please try again in a moment.`,
'se67969b3d7093221': `There are no entries here at the moment.`,
'sf917ef986c896328': `Please try again.`,
'sfe767f37c10478c3': `Loading …`,
    };
  