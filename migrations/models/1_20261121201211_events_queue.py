from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "pending_evaluations" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "event_types" JSONB NOT NULL,
    "fields_changed" JSONB NOT NULL,
    "cause" VARCHAR(32) NOT NULL,
    "cause_ref" VARCHAR(200),
    "requested_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL UNIQUE REFERENCES "team_contacts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_pending_eva_team_id_52b20d" ON "pending_evaluations" ("team_id", "id");
COMMENT ON COLUMN "pending_evaluations"."requested_at" IS 'first request not yet evaluated (for lag)';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "pending_evaluations";"""


MODELS_STATE = (
    "eJztXWtz4jgW/Ssqvmy6KpPqkEdnmampogmdMJ1ACkjPozPlEbYAb4zM+JE0O9v/fSU/8N"
    "uxwTbC6EvPRNYV9rl63Ht0dfVPY6FKSNFP2kv5M1o1WuCfBoYLRP4n9OQYNOBy6ZXTAgNO"
    "FKsqXMrCM1pZhXCiGxoUDVI+hYqOSJGEdFGTl4asYlq7DQwEFz/oorpEEhA1JCFsyFA5AQ"
    "OsrIAxR2B02/6heXEJ1Kn1J2kbyDrQDZVU/tEqWmpoKn+zSufqKz6hPy2pIvltGc9K/RUT"
    "y3+bSDDUGSJVNPJbX/8kxTKW0Deku38un4WpjBQpAKks0QascsFYLa2yj/Ksh41PVl36DR"
    "NBVBVzgb36y5UxV/FaQMYGLZ0hjDRoIPoLhmZSnLGpKI5KXOjtl/Wq2G/pk5HQFJoK1RaV"
    "tl/AK2sIQn8wFkbdsSA0Ipp0JXywO0WiimkvIK+qWwDM6Cv88O9m8+zsQ/P92eXVxfmHDx"
    "dX769IXet9o48+fLdfxkPLbsrCrHfT64/pC6mkq9l9kBZ8t2SgAW0pSxke+tZ/I/h35lCL"
    "R9+tH8KffFgYfxftNAW4BZ4GvOFRhQoW8JugIDwz5uTP5vv3KfB+aQ87t+3hEan1Lghy33"
    "nUtJ9RvD187cGSB2FPohiMd9vJAwifNTMAfNZMxJc+CsJLpidhDvV5HoD9MrWD+PI8A8SX"
    "54kQ00dBiK3FQo8C/Mto0I8H2JMIwSvJogH+BxRZj8zWRc0WjZ+mJhYphmBiyoohY/2E/t"
    "7PjZLgT4GbIkRbXuj634of5qP79m9hDXTuBh8tyFTdmGlWK1YDH0PqIIs2hUyARlQl1+SJ"
    "IS9QvFqCkmHVOKIn7v/s43ROPlCihowzAlNUM+7dd0fj9v1DQD/X7XGXPmlapatQ6dFlSG"
    "frRsCvvfEtoH+CPwb9bliN63rjPxr0naBpqAJWXwUo+SYLt9RFLaB1BeqGYOob6T0sW4Dm"
    "nVdmRfF7omgXk1RNa+hFfd5Iz0FJrmWWtezOxZOVkNf/iYi+7Qqxr9sqnSFPC9QZzo2/T2"
    "gj5JlbNSuDnlIA0+dYN5SCGlXDJ1VD8gx/RitLFT3y3hCLcf6nw8uMnWb2TAXf3T7mlnoD"
    "VIOva87E3/XIt5MvRobt67RHnfZ1t5EwxRQA7KOOsnhGjM0qWXGNTKkBdMlbgP7j3V3D6s"
    "ATKD6/Qk0SAj2ZPlGbaqhkXTf6aNFchEsghjMLI/ox9NX9nTqGhHQ7ezIFSftLNv4xGVLO"
    "7DE8ox5zZm9nzJ6umLM8+Lr1a0c5XWUB9yoZ26sItNQ/Ef6r4lz9NyBUXSduPI47ZXFLZV"
    "N7nEtKhr5eXFLE9E42Zbzu4d/BDK3ijuSnz0OkQAvbRNPR2yvdsy6QZD0GhtACLSZI2xIi"
    "asndWw3VFSbR1A11ISw1dYk0Q47bT8gDWMdq7sFubXWNpjKWXYk6wodeEK2+FWZd2kZdAS"
    "JPDeLfFDAOO3ZLdQVqbk62BOnWnNQYHMGZ0Ofycnuc7tdt1RWxJcISaURAL1AxLUC2RO3B"
    "brC7bq+uyNHAK0NBiwImdq+luoKlatLWRtaAtlFrgATZQIsiUOqRduqKFDFBJXNrS+HBbq"
    "WuIOloVsDENLJbqTlIxVkMDl71txpc5MQ5xLNtfcEIah2r1TphV/buksM9JOwxecxE+k6T"
    "4ONCit1w+rreHzbpPuSffANqHzagNFVJIPC72FxENp6DsUyOLMubUY3Br/3usAXUV/I2T7"
    "h9fd/rtwCUFjJ+wqNx+9OnFiCfN502siktQPafXmYg+0/DLLJH9tNHnOw/TLKfhzgxEV1G"
    "16rc0PuEOPQ8uozZ6DLTCQirJq5sXyH1jeZ4SHcTUWahHmPtu9pItvPpB/GIsgM16NECyk"
    "q8RR8P/1qgdjFPZ80sQU+kVspZxkjYE/sRe41GJeiWcxIX6vqrSqbOvOdFI4Ib4c1YaHQI"
    "8IuLLIBfXCQDTp9xh/MwHc6NosvWSq42yoyxcZgnyGz7HYb6B5rpSNe3j0KghvDIbqlOQJ"
    "XtU7iQJbgWPkTTPQzBr8UsuXMUdSZj4EjR1DUQ0HbsfDUTBDWkAUN9RtjLZQOgDmRDd/Pd"
    "xOXKKahV7u/sqb9j6Ta3uRiUqp3nw08hcDuxiI0J9G0pk9Y20HpQsoZa3xMtu5jwxCVc0y"
    "2euOQwtMw3NVnZ1OQ7cHu8A+eeMorxlH0HkJK9ZP95p7cd5AFGYIk0XcXH4JmMbAwmK2Bt"
    "zhwDKGqqrgP0grSVlR026gnnF+cuL8NzyjHf4tvZFh/3dZPRr5evu9GeiBWCoyFR1SR+lL"
    "VqBjvxUHncIp1yAD1l1Q6cgl9R3By5jAv5NRIVSPolgIDqWwJ2i8BtkZYTxYMFXAEdGUDF"
    "FhvtWgvg6C9b4OSnZ7T6+a930bW+lF9IDekn9XhE/35YB88oJpdcaqLt4iyDXa9OJZPg5L"
    "tRLsNrLVBDeEuJ/7EAigX47eMorizLWDdG42Gvf0PPnFCon3D/8f4jPZ9Cvm5CD6h8HAzu"
    "uu1+C0xUVUEQP2FqG7UAtRmfcJdUbwFEKofXhN0cV1GXCdkEkvPO+0R44vmAaVxE4nn/a0"
    "aUMkbfElbgkFgNYhXTHJPub+N04Nd+yd2gf+NWD2uD+4yH6TPyg1ssEu389FAhp4d2Q7Tb"
    "Wc9iPPh1OrRkd93Luva2Zz5SF8S3JUASB9lxhoEkS+BoSd5LeJHR6zFYmpo4h1RaQbpOUB"
    "LVxZLiJD2ZzffNy3cnYEy7KyAOOCDudswFbuX9TKqPLioyzddgAUKVHPbX7ZqC6BFOrsWs"
    "iqKpafYaRIS8JmMrcL+fSb8/2XVKWIb2wF3a0DU9zeSanqa4pqdR19Q/BnKaeCHRGtp4e2"
    "LTZYyREZH8smGQTEC0hoqusTGflvc2mc8ISrFBadCfrQ2lETZrcixxMaI1PBZYCg/LHdtd"
    "ZSTxG+mbqSAozFXBOQamOIakzl4QtPULqIhFODjIWWJz/EpIyFaYKXzS/5mZDxk69f+lg8"
    "7wHthROoDYRLKEgIpRQvBkDrlUCsYOtAtQKG7nDrMx/zQ8OMk3z3QqRo/NaO6xSgdnBz6n"
    "y7gdnkxf1g9+I4jQv21lc1qGOVpm18Gau164yw/XnMqabgh587IEpbhbkMktsA575UU6IM"
    "SBzpYHZ57zYrW1QP0APmtmmjNSpoxIgLdqYkPLFSbnE6kfwlkATsY3Aq8iT5G4IvUEYq/P"
    "No7nimmmwsAU3ZxQZJ0sLLlCvB4/jjrDnhXW5bXyhO+67esWUBCUaCDXTfume01juWbUin"
    "7CnUH/S3c4pmVEVy9Io1uB+G7we/uOCKkrqDzh9lgY9kafWwAagibrz0Tq9nHYt2TmpoaR"
    "FLZsdxMWZpmzEa23NQ2uEmgLRyCk30MJBaMhRl//DE9SVoh2Hirak+A0dPE0NA/wOsA9IX"
    "Mpbaj1oCTXOitaj9kCTrqoMDf7zon3IvdA+PYT3/PYJ0Y+655Hcdsd9d/q2G6Xg9/Nm4Z1"
    "oFPyW1X53aD8btDdAcTvKdwWOX5PYQnZGdIukU5GeoDRWCX/lHOTNGNUeirQOcIm6JXtMe"
    "ESzk3uyWES7mXxZd3mqCvmjOd+YMdZOwbJwQbsX06y39uy1ljIga9bv4b4XmWB9yoZ3asI"
    "uPzsOj+7zlyf30+Sm59dZ27Z5hzr7s6ul3BJz0FQXEtNlUxxW3rrwW6lZp5dWdHzwY4V7x"
    "AGe16qaxgmlIr2Eue2exo4x8GdRWZWneMUZ1FTlY1j81zZCq3txfpKtDzBePddO7+aLf2E"
    "7wfX3WF7PKBFZMCQt1RJ6e1gNG6BuWrHR+0+gE7FE5XMJJRvIwowNlZTXDsVqgyrBv1dGs"
    "qYV2/Ws3HbDoj0tfOEe33hYTi4GXZHoxaQMU3USq1inYZQ3j/cdZ0QSiebChv6NJC20AUo"
    "imi5maMV2wC/hIOdGKKof0U6rTyVRcs4Ip0UTZGGyBjNlVwgrQ0e45lOhGwQ4zmB2ImhDt"
    "kkdi7OeB15QiGN0AyeZaliXVIt6jQ7aQD1j70wv2TlMz06tVRAKslGwBoJY73BVBgQ5FMg"
    "y1MgUZWgIajnI3SDUnU4bVM1ofsfVd5sbAUEOZ3LymDLQudSXz+vP+3JcDKXxyrvKfQ8VQ"
    "7f0mBMBaWEjTtM65aIOuFENQXUW9B46qFDTD0UDSeM2UCJjTlM3kSJBj6WsJES2jHxou/c"
    "PM58/4S5/RM7raTdUkQNyZxeSIwNGq9Wl6DYynICwmOGSLJuopJcPYWrR4SmnitKdS1Q4d"
    "YVcg977WV+GwqYoKFpbpRdoTqwbhXEA2uIfKm+2ZZeWHZ/6DY7dxpwPoDuzoIVMoBjICEJ"
    "HE1VDShwZkF5WJQ3TxiRPB73k3yNUXskUI5zgJwDPET3iDOAuwtqjvIoWbkt93hmNczWTo"
    "dCubzWdpee+U79x119FkwKkHIBWigPwdtZsn+dQ8N3NdlcJa8LJshyAIA6JY/c28l+BDTk"
    "TNeBZiqI/EsWcCAb0fzZhbSYeArV35OdkHQeY8zOInCcwpHRqFMzhh7LFr7qSVfo+ZOOJr"
    "+475LZJWp3xr0v3RawpZ/wzbDdIX/OCFbkr2H3y+AzjUvV0Iv6zEpUqhVSq2/gqgQEa+ip"
    "7K9nEnVIEZY2UbFPjMfYsaxfXSUray461ZOocFZ11/9qKNXL8wxz5eV54lxJH/Ez0vXmdX"
    "j610PUehY2z/ExcrNJQTnO6fGQyj2Fnjk69WBUwQnVKkMqeQhgmVRpzJJaAMjZs0nsK8BB"
    "M4Kl8Eo7A2sMWb1OzZpMU3sZYCuInAwwxgoUbUP8T/+9jL5izh1z7rgglgPKuTMdPHT717"
    "3+TQs4gcZP+KHduyZ/krYoc/zpsX9tU8dTk/y2RJ8Px7323d3vgvd0CTVDhoqyErx6n9q9"
    "O/psCmXFumKq3e90rRKRQqZsxkM3s3ArzWRupRnlVkyNHmvPdx+bT6ZCBZt6Xv1uGhSYJS"
    "YwOSQwkoBCNaAiwAW9xS6nTR+SrM6gf59zIC1krGqA/IS9D8rWNOczhdYLT0QP6ZRSQLCG"
    "jNL+MkhR4pDTxcmjbj+JQ55Sk0HjkfNWjKiC81act9oHhIu6T0o20KKI62x6pJ0aYV5qZl"
    "QPsCQGykXzDRZKWGuvVCqK00pM0kp/m5BGzMawDYkK8ItUZxiclquG5un5h/Ors8vzNfrr"
    "kjTQo6bXJqwC5xMKs3ydKS3nnOKX4rbu5mTO7kJFGIup5JEiBwA9d/OqdPNUd1d1S0zrdn"
    "FmGFT/WsZmKAJjc3UBkQjkFUD/8e5uZ5meHOzj8jt5aknJ6uS72oR7gYfnBfKbEsvNjMIv"
    "89tR7mfv+GJoaknLYe8JVZjD3p109jaFPd/kTZ5h6rvJu4NE24yZj9zVPwDouatfpatfZX"
    "JnxmaTrHgm5HbO4oj6T8MHk6Vsvn0bys9Sk04ct7NQ7Vb3nvTOUne6R2iWlBbIfXScRm7o"
    "dqVSLvx0J3/rvXgWHmbW62NOdnCyIyPatSE7nslXxnfstw8IubIsd/LG9e/99n2v0wLSin"
    "yzLD5h4r2OaQE930T/7gxuB8MxvfF0rmqMXF9Lc7tF1ZKcdt2tv1WydTYNhzhMS8mqTjEU"
    "DDLX5JmBAkJ1yPld9QRkwFmuyx/c+vxagcIHgH3DN8E6Nhgt0dIMizEbj7az+D5OcydDXV"
    "+am6e+qpvWXYx4IntmnHZOspdNsmchhW0TQJ/Lyy15Toecu1+3VyPkgyaBdUFW0Wh1rFbr"
    "hFkFJLGvsyXTxcEe+SZxLIRGxNsp5TtWOg4DOIInoO3L8n4MJFJVBxBLAJqSjMiMBfQVFp"
    "3878Zc1oH1DtHM8kU2HMtn6x6hHjhWGaa2v8Y85lQ3c1R34Ab7PFZrQJAbrawYrVlcFXfW"
    "yjvygnLcdOWhOXsKPc97wR04xlRQSpSUz1bbElVfGEVNgQ0ubjynCKs5RSp1ER0PO4uj6D"
    "njedxFwccMvO013sq6oWqrFkAvSFsBaoJbvpyC4AsCr7IxB7KhA/sasSMNiepiaRqkIet2"
    "ZiBLx4B8uwmVd1HHseC2s2Se9U1P/myz/lHF080y6zlCMT5+J1s0iSfNdDzJL4Nev2UNhi"
    "d8123TG8usAREePlniRq4yhI1cJUaNXMVeWh4Pf8LuYvXXwlcWpsbvhK8C5VKCAfNTT5xz"
    "4pwT97YzLd+cc2IFes45cc6JMRVwzmnHwHLOiXNObaTJ4rwRQzE5T47TGCXo1WEmKc+h8C"
    "9bBgwnMysvSNMTqZV4aH0iNfTumxcXWfzOi4tkv5M+C/mdy2UehJ3qNUT3NJNXf5ri1Z9G"
    "vXo64caaAclnPXwi1R/32M0Zm8IOdkRs3CoXs+//B4Pq9TE="
)
