// SPDX-License-Identifier: Apache-2.0
'use strict';

// Shared by the workload modules: which client identity sends the next transaction. Identities are
// "MSPID/User" strings from the round's arguments, used round-robin per worker, offset by the worker's index.
function invoker(module, identities) {
    module.sent = (module.sent || 0) + 1;
    const [mspId, user] = identities[(module.workerIndex + module.sent) % identities.length].split('/');
    return { invokerMspId: mspId, invokerIdentity: user };
}

const THREE_ORGS = ['Org1MSP/User1', 'Org2MSP/User1', 'Org3MSP/User1'];

module.exports = { invoker, THREE_ORGS };
