// SPDX-License-Identifier: Apache-2.0
'use strict';

// povm's SubmitJob under the round's SLA (arguments.sla), one job per transaction, a spec that passes the
// chaincode's checks (the same as the Java load generator's: bench/load Workloads.spec).
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
const { invoker, THREE_ORGS } = require('./common');

const IMAGE = 'povm/bench@sha256:' + '0'.repeat(64);

class SubmitJob extends WorkloadModuleBase {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
        this.run = `c${Date.now().toString(36)}r${roundIndex}w${workerIndex}`;
    }

    async submitTransaction() {
        const who = invoker(this, (this.roundArguments || {}).identities || THREE_ORGS);
        const deadline = new Date(Date.now() + 24 * 3600 * 1000);
        deadline.setMilliseconds(0);
        const spec = {
            id: `${this.run}-${this.sent}`,
            image: IMAGE,
            command: ['true'],
            env: {},
            inputs: [],
            sla: this.roundArguments.sla || 'standard@1',
            redundancy: { mode: 'k-vote', replicas: 1 },
            deadline: deadline.toISOString().replace('.000Z', 'Z'),
        };
        return this.sutAdapter.sendRequests({
            contractId: 'povm',
            contractFunction: 'SubmitJob',
            contractArguments: [JSON.stringify(spec)],
            readOnly: false,
            ...who,
        });
    }
}

module.exports.createWorkloadModule = () => new SubmitJob();
