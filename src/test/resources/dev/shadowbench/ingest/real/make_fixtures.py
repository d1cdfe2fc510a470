"""Writes the real-format ingest fixtures next to this script (python3 make_fixtures.py; numpy for the .npy payloads).

Each file is laid out the way the product writes it:
- SageMaker Data Capture: one JSON object a line, captureData.endpointInput/endpointOutput {observedContentType, mode,
  data, encoding} + eventMetadata {eventId, inferenceId, inferenceTime} + eventVersion, under
  <endpoint>/<variant>/yyyy/mm/dd/hh/; BASE64 outputs of application/x-npy are numpy.save() bytes.
- SageMaker Model Monitor ground truth: {"groundTruthData": {"data", "encoding"}, "eventMetadata": {"eventId"},
  "eventVersion": "0"} a line.
- KServe payload logger: LogRequest records (url, bytes = base64 payload, contentType, reqType, id, sourceUri,
  inferenceService, namespace, component, endpoint, metadata, annotations, certName, tlsSkipVerify); v0.18 adds
  occurrenceTime. The JSON marshaller writes one object for a batch of one and a JSON array for a larger batch.
- BentoML monitoring: data/data.<worker>.log JSON Lines (features, the prediction as logged, timestamp, request_id)
  and schema/schema.<worker>.log.
"""
import base64, io, json, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def out(path, text):
    p = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def npy(a):
    buf = io.BytesIO()
    np.save(buf, a)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def capture(event_id, time, out_data, out_enc, out_type, inference_id=None, truth=None):
    rec = {"captureData": {
        "endpointInput": {"observedContentType": "text/csv", "mode": "INPUT", "data": "5.1,3.5,1.4,0.2", "encoding": "CSV"},
        "endpointOutput": {"observedContentType": out_type, "mode": "OUTPUT", "data": out_data, "encoding": out_enc}},
        "eventMetadata": {"eventId": event_id, "inferenceTime": time}, "eventVersion": "0"}
    if inference_id:
        rec["eventMetadata"]["inferenceId"] = inference_id
    if truth is not None:
        rec["groundTruthData"] = {"data": truth, "encoding": "CSV"}
    return json.dumps(rec, separators=(",", ":")) + "\n"


def sagemaker():
    t = "2026-11-20T10:00:0%dZ"
    for variant, scale in (("AllTraffic", 1.0), ("ShadowTraffic", 1.1)):
        lines = [
            capture("e1", t % 1, "%.2f" % (0.73 * scale), "CSV", "text/csv; charset=utf-8"),
            # TF Serving answering three instances
            capture("e2", t % 2, json.dumps({"predictions": [round(0.1 * scale, 3), 0.2, 0.3]}), "JSON", "application/json"),
            # Clarify-style JSON Lines output: one record per instance
            capture("e3", t % 3, '{"predicted_label":1,"probability":0.61}\n{"predicted_label":0,"probability":0.32}',
                    "JSON", "application/jsonlines"),
            # NumPy arrays (the shadow-test examples): float64 little endian, float32 big endian column, int64
            capture("e4", t % 4, npy(np.array([0.25 * scale, 0.5], dtype="<f8")), "BASE64", "application/x-npy"),
            capture("e5", t % 5, npy(np.array([[1.5 * scale, 9.0]], dtype=">f4")), "BASE64", "application/x-npy"),
            capture("e6", t % 6, npy(np.asfortranarray(np.array([[7, 8], [9, 10]], dtype="<i8"))), "BASE64",
                    "application/x-npy"),
            # merged capture + ground truth (Model Monitor's merge job output)
            capture("e7", t % 7, "0.4", "CSV", "text/csv", truth="1"),
        ]
        if variant == "AllTraffic":
            # bytes that are neither text nor an .npy array: quarantined with their content type
            lines.append(capture("e8", t % 8, base64.b64encode(bytes([0x80, 0xff, 0x00, 0x81])).decode(), "BASE64",
                                 "application/octet-stream"))
        out("sagemaker/iris-ep/%s/2026/11/20/10/capture-0.jsonl" % variant, "".join(lines))
    truth = "".join(json.dumps({"groundTruthData": {"data": d, "encoding": "CSV"}, "eventMetadata": {"eventId": e},
                                "eventVersion": "0"}, separators=(",", ":")) + "\n"
                    for e, d in (("e1", "1"), ("e4", "0"), ("e9", "1")))
    out("sagemaker-groundtruth/iris-ep/2026/11/20/10/truth-0.jsonl", truth)


def log_request(rid, req_type, endpoint, payload, when=None):
    rec = {"url": "http://iris.ns.svc.cluster.local/v1/models/iris:predict",
           "bytes": base64.b64encode(json.dumps(payload).encode()).decode(),
           "contentType": "application/json", "reqType": "org.kubeflow.serving.inference." + req_type, "id": rid,
           "sourceUri": "http://localhost:9081/", "inferenceService": "iris", "namespace": "ns",
           "component": "predictor", "endpoint": endpoint, "metadata": {}, "annotations": {}, "certName": "",
           "tlsSkipVerify": False}
    if when:
        rec["occurrenceTime"] = when
    return rec


def kserve():
    req = {"instances": [[6.8, 2.8, 4.8, 1.4], [6.0, 3.4, 4.5, 1.6]]}
    v16 = [log_request("k1", "request", "default", req), log_request("k1", "response", "default", {"predictions": [1, 2]}),
           log_request("k2", "request", "default", {"instances": [[5.1, 3.5, 1.4, 0.2]]})]
    out("kserve-v0.16/default/part-0.jsonl", "".join(json.dumps(r) + "\n" for r in v16))
    # a file holding only a request whose response never came (KServe logs no response for a failed request)
    out("kserve-v0.16/default/part-1.jsonl", json.dumps(log_request("k3", "request", "default", req)) + "\n")
    # v0.18: occurrenceTime; a batch of several records is one JSON array
    batch = [log_request("k1", "request", "canary", req, "2026-11-20T10:00:01.000Z"),
             log_request("k1", "response", "canary", {"predictions": [1, 1]}, "2026-11-20T10:00:01.042Z"),
             log_request("k4", "request", "canary", {"instances": [[5.1, 3.5, 1.4, 0.2]]}, "2026-11-20T10:00:02.000Z"),
             log_request("k4", "response", "canary", {"predictions": [0]}, "2026-11-20T10:00:02.015Z")]
    out("kserve-v0.18/canary/batch-0.json", json.dumps(batch))
    cols = ["url", "bytes", "contentType", "reqType", "id", "sourceUri", "inferenceService", "namespace", "component",
            "endpoint", "metadata", "annotations", "certName", "tlsSkipVerify", "occurrenceTime"]
    import csv
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in batch:
        w.writerow(["false" if c == "tlsSkipVerify" else json.dumps(r[c]) if isinstance(r.get(c), dict) else r.get(c, "")
                    for c in cols])
    out("kserve-v0.18-csv/canary/batch-0.csv", buf.getvalue())


def cloudevents():
    """The logger's CloudEvents as an event sink records them: binary mode (ce-* attributes beside the body) and
    structured mode (specversion, id, type, time and the KServe extensions beside data)."""
    t = "org.kubeflow.serving.inference."
    binary = [{"ce-specversion": "1.0", "ce-id": "c1", "ce-type": t + "request", "ce-source": "http://localhost:9081/",
               "ce-time": "2026-11-20T10:00:01.000Z", "ce-inferenceservicename": "iris", "ce-namespace": "ns",
               "ce-component": "predictor", "ce-endpoint": "default", "content-type": "application/json",
               "data": {"instances": [[6.8, 2.8, 4.8, 1.4]]}},
              {"ce-specversion": "1.0", "ce-id": "c1", "ce-type": t + "response", "ce-source": "http://localhost:9081/",
               "ce-time": "2026-11-20T10:00:01.020Z", "ce-inferenceservicename": "iris", "ce-namespace": "ns",
               "ce-component": "predictor", "ce-endpoint": "default", "content-type": "application/json",
               "data": {"predictions": [1]}}]
    out("kserve-cloudevents/binary/events.jsonl", "".join(json.dumps(r) + "\n" for r in binary))
    structured = [{"specversion": "1.0", "id": "c1", "type": t + "request", "source": "http://localhost:9081/",
                   "time": "2026-11-20T10:00:01.000Z", "inferenceservicename": "iris", "namespace": "ns",
                   "component": "predictor", "endpoint": "canary", "datacontenttype": "application/json",
                   "data": {"instances": [[6.8, 2.8, 4.8, 1.4]]}},
                  {"specversion": "1.0", "id": "c1", "type": t + "response", "source": "http://localhost:9081/",
                   "time": "2026-11-20T10:00:01.035Z", "inferenceservicename": "iris", "namespace": "ns",
                   "component": "predictor", "endpoint": "canary", "datacontenttype": "application/json",
                   "data": {"predictions": [2]}}]
    out("kserve-cloudevents/structured/events.jsonl", "".join(json.dumps(r) + "\n" for r in structured))


def bentoml():
    rows = [{"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2, "pred": "0",
             "timestamp": "2026-11-20T10:00:01.123456", "request_id": "b1"},
            {"sepal_length": 6.7, "sepal_width": 3.0, "petal_length": 5.2, "petal_width": 2.3, "pred": "2",
             "timestamp": "2026-11-20T10:00:02.654321", "request_id": "b2"}]
    out("bentoml/monitoring/iris_classifier_prediction/data/data.1.log", "".join(json.dumps(r) + "\n" for r in rows))
    schema = {"meta_data": {"bento_name": "iris_classifier", "bento_version": "not available"},
              "columns": [{"name": "sepal_length", "role": "feature", "type": "numerical"},
                          {"name": "pred", "role": "prediction", "type": "categorical"}]}
    out("bentoml/monitoring/iris_classifier_prediction/schema/schema.1.log", json.dumps(schema) + "\n")


sagemaker()
kserve()
cloudevents()
bentoml()
