// SPDX-License-Identifier: Apache-2.0
'use strict';

// The floor: the 'floor' chaincode's Write, one new key per transaction (bench/floor-chaincode).
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
const { invoker, THREE_ORGS } = require('./common');

class FloorWrite extends WorkloadModuleBase {
    async submitTransaction() {
        const who = invoker(this, (this.roundArguments || {}).identities || THREE_ORGS);
        return this.sutAdapter.sendRequests({
            contractId: 'floor',
            contractFunction: 'Write',
            contractArguments: [`caliper-${this.workerIndex}-${this.sent}`],
            readOnly: false,
            ...who,
        });
    }
}

module.exports.createWorkloadModule = () => new FloorWrite();
