-- V005: the canary's ramp plan. A row says: from this day on (until a later row) the candidate is planned to serve
-- this share of the traffic. Set with `ramp --set`, in the UI, or by an advance decision with a traffic share.
CREATE TABLE ramp_plan(
    candidate  VARCHAR NOT NULL,     -- the candidate side, VARIANT/MODEL/VERSION with * for any (Side.key())
    day        DATE NOT NULL,
    share      DOUBLE NOT NULL,      -- 0..1
    source     VARCHAR NOT NULL,     -- "ramp" (set by hand) or "decision #SEQ"
    set_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (candidate, day)
);
