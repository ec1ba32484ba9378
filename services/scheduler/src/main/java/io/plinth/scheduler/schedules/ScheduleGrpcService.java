package io.plinth.scheduler.schedules;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.scheduler.v1.GetScheduleRequest;
import io.plinth.contracts.scheduler.v1.ScheduleServiceGrpc;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the schedule registry. */
@Dependent
public class ScheduleGrpcService extends ScheduleServiceGrpc.ScheduleServiceImplBase {

    @Inject
    Schedules schedules;

    @RequiresPermission("scheduler:schedules:read")
    @Override
    public void getSchedule(GetScheduleRequest request,
                            StreamObserver<io.plinth.contracts.scheduler.v1.Schedule> response) {
        GrpcCalls.unary(response, () -> {
            Schedule schedule = schedules.get(request.getKey());
            return io.plinth.contracts.scheduler.v1.Schedule.newBuilder()
                    .setId(schedule.id().toString())
                    .setKey(schedule.key())
                    .setCron(schedule.cron())
                    .setRoutingKey(schedule.routingKey())
                    .setEnabled(schedule.enabled())
                    .build();
        });
    }
}
