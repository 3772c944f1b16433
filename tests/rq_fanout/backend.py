"""A text message backend for the RQ fan-out test: counts each number's messages in a Redis hash that every
worker process shares (FANOUT_COUNTS names it), and sends nothing."""

import os

import redis

from aidhub.messaging.sms import BaseSmsBackend

_client = redis.Redis.from_url(os.environ["TASKS_REDIS_URL"])


class CountingBackend(BaseSmsBackend):
    def send(self, to: str, body: str) -> str:
        _client.hincrby(os.environ["FANOUT_COUNTS"], to, 1)
        return "counted"
