#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

/* RS256 (RSASSA-PKCS1-v1_5 with SHA-256) of `data` with the PEM private key `pem` (PKCS#8 as in
   a Google service-account key, or PKCS#1). Writes the signature to `signature` (room for
   `*length` bytes; 512 fits a 4096-bit key) and sets `*length` to its size.
   Returns 0 on success, 1 when the key cannot be read or is not RSA, 2 when signing fails. */
static inline int insights_rs256_sign(const char *pem, int pem_length, const unsigned char *data, size_t data_length,
                                      unsigned char *signature, size_t *length) {
    BIO *bio = BIO_new_mem_buf(pem, pem_length);
    if (bio == NULL) return 1;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL);
    BIO_free(bio);
    if (key == NULL) return 1;
    if (EVP_PKEY_base_id(key) != EVP_PKEY_RSA) {
        EVP_PKEY_free(key);
        return 1;
    }
    int result = 2;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context != NULL && EVP_DigestSignInit(context, NULL, EVP_sha256(), NULL, key) == 1 &&
        EVP_DigestSign(context, signature, length, data, data_length) == 1) {
        result = 0;
    }
    EVP_MD_CTX_free(context);
    EVP_PKEY_free(key);
    return result;
}
